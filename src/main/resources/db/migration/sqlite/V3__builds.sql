-- dx-exporter store, schema 3: recorded build commands (`dx-exporter record`), one row each.
-- Standard SQL only, like V1. Times are epoch milliseconds. A table of its own rather than a
-- report_kind: V1's CHECK on report.report_kind cannot be altered in SQLite. Identity rules as for
-- reports: (project, identity) is unique, so a retried push is stored once.

CREATE TABLE build_run (
  id                 INTEGER PRIMARY KEY,
  project            TEXT    NOT NULL,
  identity           TEXT    NOT NULL,  -- Idempotency-Key, or one the recorder made
  build_name         TEXT    NOT NULL,  -- bounded label such as 'release'
  kind               TEXT    NOT NULL,
  branch             TEXT,
  commit_sha         TEXT,
  run_id             TEXT,
  started_at_ms      INTEGER NOT NULL,
  received_at_ms     INTEGER NOT NULL,
  duration_seconds   REAL    NOT NULL,
  exit_code          INTEGER NOT NULL,
  exit_signal        INTEGER NOT NULL,
  peak_rss_bytes     INTEGER NOT NULL,
  cpu_user_seconds   REAL    NOT NULL,
  cpu_system_seconds REAL    NOT NULL,
  peak_processes     INTEGER NOT NULL,
  CONSTRAINT build_run_identity UNIQUE (project, identity),
  CONSTRAINT build_run_kind_known CHECK (kind IN ('clean', 'incremental'))
);

-- Latest per (name, kind), histories, retention's "is there a newer one".
CREATE INDEX build_run_by_name ON build_run (project, build_name, kind, received_at_ms);
CREATE INDEX build_run_by_time ON build_run (received_at_ms);
