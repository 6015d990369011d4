-- dx-exporter store, schema 4: GitHub Actions runs (one row per attempt), their jobs and steps,
-- webhook deliveries seen, and the run tally behind dx_ci_runs_total. Standard SQL only, like V1.
-- Times are epoch milliseconds. Events are applied idempotently: a row is replaced only by a
-- description that is later under order_key (computed by the application), so any order and any
-- number of deliveries of the same events leave the same rows.

CREATE TABLE ci_run (
  id              INTEGER PRIMARY KEY,
  project         TEXT    NOT NULL,
  repository      TEXT    NOT NULL,   -- owner/name
  run_id          BIGINT  NOT NULL,
  run_attempt     INTEGER NOT NULL,
  pipeline        TEXT    NOT NULL,   -- the workflow's name: bounded by the workflow files
  branch          TEXT,               -- head branch as sent (kept for logs, never a label)
  branch_class    TEXT    NOT NULL,   -- 'default' or 'other': the only branch label
  status          TEXT    NOT NULL,
  conclusion      TEXT,
  created_at_ms   BIGINT,
  started_at_ms   BIGINT,
  updated_at_ms   BIGINT,
  html_url        TEXT,
  order_key       TEXT    NOT NULL,
  received_at_ms  BIGINT  NOT NULL,   -- last change applied
  counted         INTEGER NOT NULL,   -- 1 once this attempt's completion is in ci_run_count
  artifacts_done  INTEGER NOT NULL,   -- 1 once its artifacts were fetched (or given up on)
  CONSTRAINT ci_run_attempt UNIQUE (project, repository, run_id, run_attempt),
  CONSTRAINT ci_run_branch_known CHECK (branch_class IN ('default', 'other'))
);
CREATE INDEX ci_run_by_time ON ci_run (project, updated_at_ms);
CREATE INDEX ci_run_by_received ON ci_run (received_at_ms);

CREATE TABLE ci_job (
  id              INTEGER PRIMARY KEY,
  project         TEXT    NOT NULL,
  repository      TEXT    NOT NULL,
  job_id          BIGINT  NOT NULL,
  run_id          BIGINT  NOT NULL,
  run_attempt     INTEGER NOT NULL,
  pipeline        TEXT    NOT NULL,
  job_name        TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  conclusion      TEXT,
  created_at_ms   BIGINT,
  started_at_ms   BIGINT,
  completed_at_ms BIGINT,
  html_url        TEXT,
  order_key       TEXT    NOT NULL,
  received_at_ms  BIGINT  NOT NULL,
  CONSTRAINT ci_job_identity UNIQUE (project, repository, job_id)
);
CREATE INDEX ci_job_by_time ON ci_job (project, completed_at_ms);
CREATE INDEX ci_job_by_run ON ci_job (project, repository, run_id, run_attempt);
CREATE INDEX ci_job_by_received ON ci_job (received_at_ms);

CREATE TABLE ci_step (
  job_row         BIGINT  NOT NULL REFERENCES ci_job (id),
  step_number     INTEGER NOT NULL,
  step_name       TEXT    NOT NULL,
  status          TEXT    NOT NULL,
  conclusion      TEXT,
  started_at_ms   BIGINT,
  completed_at_ms BIGINT,
  CONSTRAINT ci_step_key PRIMARY KEY (job_row, step_number)
);

-- X-GitHub-Delivery ids already applied: a redelivery is acknowledged and changes nothing.
CREATE TABLE ci_delivery (
  delivery_id     TEXT    NOT NULL PRIMARY KEY,
  event           TEXT    NOT NULL,
  received_at_ms  BIGINT  NOT NULL
);
CREATE INDEX ci_delivery_by_time ON ci_delivery (received_at_ms);

-- Finished run attempts by result: a tally, never deleted by retention, so dx_ci_runs_total is a
-- counter that survives restarts and retention. attempt = 'first' or 'rerun'.
CREATE TABLE ci_run_count (
  project         TEXT    NOT NULL,
  pipeline        TEXT    NOT NULL,
  branch_class    TEXT    NOT NULL,
  result          TEXT    NOT NULL,
  attempt         TEXT    NOT NULL,
  runs            BIGINT  NOT NULL,
  last_at_ms      BIGINT  NOT NULL,
  CONSTRAINT ci_run_count_key PRIMARY KEY (project, pipeline, branch_class, result, attempt)
);
