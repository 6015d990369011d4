-- dx-exporter store, schema 6: cargo --timings reports that arrive without a file on disk (from
-- GitHub Actions artifacts): the figures the builds collector shows, one report per ingestion,
-- its units summed by label. Standard SQL only, like V1. Times are epoch milliseconds. The identity
-- rules are those of the other report tables: (project, source, identity) is unique, and
-- retention keeps the latest report of each name.

CREATE TABLE timings_report (
  id             INTEGER PRIMARY KEY,
  project        TEXT    NOT NULL,
  source         TEXT    NOT NULL,     -- 'builds'
  identity       TEXT    NOT NULL,     -- e.g. the run, attempt and artifact it came from
  report_name    TEXT    NOT NULL,     -- bounded label: the artifact's name
  branch         TEXT,
  commit_sha     TEXT,
  run_id         TEXT,
  received_at_ms INTEGER NOT NULL,
  stored_at_ms   INTEGER NOT NULL,
  total_seconds  REAL    NOT NULL,     -- the build's total time in the report
  dirty_units    INTEGER NOT NULL,     -- units compiled (the report's count, or those that took time)
  unit_rows      INTEGER NOT NULL,     -- rows in timings_unit
  CONSTRAINT timings_report_identity UNIQUE (project, source, identity)
);
CREATE INDEX timings_report_by_name ON timings_report (project, report_name, received_at_ms);
CREATE INDEX timings_report_by_time ON timings_report (received_at_ms);

CREATE TABLE timings_unit (
  report_id        INTEGER NOT NULL REFERENCES timings_report (id),
  ordinal          INTEGER NOT NULL,   -- slowest first
  unit_label       TEXT    NOT NULL,   -- crate and target, as cargo labels the unit
  duration_seconds REAL    NOT NULL,   -- summed over the units of that label
  PRIMARY KEY (report_id, ordinal)
);
