-- dx-exporter store, schema 1: ingested reports (test and coverage) with their figures.
-- Standard SQL only, so db/migration/postgresql/V1 can be the same text with BIGINT ids
-- (GENERATED ALWAYS AS IDENTITY) and DOUBLE PRECISION for REAL. Times are epoch milliseconds.

CREATE TABLE report (
  id             INTEGER PRIMARY KEY,  -- SQLite: alias of the rowid, assigned on insert
  project        TEXT    NOT NULL,
  source         TEXT    NOT NULL,     -- where it came from: 'tests', 'coverage', ...
  identity       TEXT    NOT NULL,     -- content hash, run id or Idempotency-Key
  report_kind    TEXT    NOT NULL,     -- 'test' or 'coverage': which figure tables hold it
  report_name    TEXT    NOT NULL,     -- bounded label such as 'unit'
  format         TEXT    NOT NULL,
  branch         TEXT,
  commit_sha     TEXT,
  run_id         TEXT,
  received_at_ms INTEGER NOT NULL,
  stored_at_ms   INTEGER NOT NULL,
  case_rows      INTEGER NOT NULL,     -- rows in test_case, kept for the row bound and stats
  CONSTRAINT report_identity UNIQUE (project, source, identity),
  CONSTRAINT report_kind_known CHECK (report_kind IN ('test', 'coverage'))
);

-- Latest per name, histories, retention's "is there a newer one".
CREATE INDEX report_by_name ON report (project, report_kind, report_name, received_at_ms);
-- Windows (flaky ratio) and retention by age.
CREATE INDEX report_by_time ON report (received_at_ms);

CREATE TABLE test_summary (
  report_id    INTEGER PRIMARY KEY REFERENCES report (id),
  passed       INTEGER NOT NULL,
  failed       INTEGER NOT NULL,
  errored      INTEGER NOT NULL,
  skipped      INTEGER NOT NULL,
  flaky        INTEGER NOT NULL,
  total_cases  INTEGER NOT NULL,
  wall_seconds REAL    NOT NULL
);

CREATE TABLE test_suite (
  report_id INTEGER NOT NULL REFERENCES report (id),
  ordinal   INTEGER NOT NULL,
  name      TEXT    NOT NULL,
  seconds   REAL    NOT NULL,
  cases     INTEGER NOT NULL,
  PRIMARY KEY (report_id, ordinal)
);

CREATE TABLE test_case (
  report_id  INTEGER NOT NULL REFERENCES report (id),
  suite      TEXT    NOT NULL,
  class_name TEXT    NOT NULL,
  test_name  TEXT    NOT NULL,
  result     TEXT    NOT NULL,
  seconds    REAL    NOT NULL,
  retries    INTEGER NOT NULL,
  CONSTRAINT test_case_result_known
    CHECK (result IN ('passed', 'failed', 'errored', 'skipped', 'flaky'))
);

-- Cases of one report (deletes, windows) and its slowest cases, read backwards.
CREATE INDEX test_case_by_report ON test_case (report_id, seconds);

CREATE TABLE coverage_point (
  report_id INTEGER NOT NULL REFERENCES report (id),
  kind      TEXT    NOT NULL,
  covered   INTEGER NOT NULL,
  total     INTEGER NOT NULL,
  PRIMARY KEY (report_id, kind),
  CONSTRAINT coverage_kind_known CHECK (kind IN ('line', 'branch'))
);
