-- dx-exporter store, schema 2: benchmark results, one report per benchmark run (a criterion
-- directory, a JMH / pytest-benchmark / go test -bench file, a push), its benchmarks, their
-- estimates and raw samples. Standard SQL only, like V1. Times are epoch milliseconds.
--
-- Benchmark reports get their own table beside `report` rather than a new report_kind: V1's
-- CHECK (report_kind IN ('test', 'coverage')) cannot be altered in SQLite, and rebuilding `report`
-- inside Flyway's transaction fails the foreign keys of its children (they stay enforced there).
-- The identity rules are the same: (project, source, identity) is unique.

CREATE TABLE benchmark_report (
  id             INTEGER PRIMARY KEY,
  project        TEXT    NOT NULL,
  source         TEXT    NOT NULL,     -- 'benchmarks'
  identity       TEXT    NOT NULL,     -- content hash, run id or Idempotency-Key
  report_name    TEXT    NOT NULL,     -- bounded label such as 'criterion'
  format         TEXT    NOT NULL,     -- the tool: criterion, jmh, pytest, go, ...
  branch         TEXT,
  commit_sha     TEXT,
  run_id         TEXT,
  received_at_ms INTEGER NOT NULL,
  stored_at_ms   INTEGER NOT NULL,
  result_rows    INTEGER NOT NULL,     -- rows in benchmark_result
  CONSTRAINT benchmark_report_identity UNIQUE (project, source, identity)
);

-- Latest per name, base-branch history, retention's "is there a newer one".
CREATE INDEX benchmark_report_by_name
  ON benchmark_report (project, report_name, branch, received_at_ms);
CREATE INDEX benchmark_report_by_time ON benchmark_report (received_at_ms);

CREATE TABLE benchmark_result (
  report_id         INTEGER NOT NULL REFERENCES benchmark_report (id),
  ordinal           INTEGER NOT NULL,
  name              TEXT    NOT NULL,  -- criterion full_id, JMH method with params, ...
  unit              TEXT    NOT NULL,  -- of value: 's' (per iteration), 'ops/s', or the tool's
  direction         TEXT,              -- 'lower' or 'higher' is better; NULL: the unit does not say
  value             REAL    NOT NULL,  -- the primary value regressions are judged on
  interval_lower    REAL,              -- the tool's confidence interval of value, when it gives one
  interval_upper    REAL,
  throughput        REAL,
  throughput_unit   TEXT,
  memory_bytes      REAL,              -- allocated per operation, when the tool reports it
  sample_count      INTEGER NOT NULL,  -- raw values the tool recorded (benchmark_sample keeps <= 10,000)
  tool_verdict      TEXT,              -- criterion's own verdict from change/, NULL when none
  tool_change_ratio REAL,              -- sign-normalised: negative is worse
  tool_p_value      REAL,
  change_lower      REAL,              -- criterion's change interval of the mean (new/base - 1)
  change_upper      REAL,
  PRIMARY KEY (report_id, ordinal),
  CONSTRAINT benchmark_direction_known CHECK (direction IN ('lower', 'higher')),
  CONSTRAINT benchmark_tool_verdict_known
    CHECK (tool_verdict IN ('regressed', 'improved', 'unchanged'))
);

CREATE TABLE benchmark_statistic (
  report_id INTEGER NOT NULL REFERENCES benchmark_report (id),
  ordinal   INTEGER NOT NULL,
  statistic TEXT    NOT NULL,          -- mean, median, stddev, min, max, p90, p95, p99, slope, estimate
  seconds   REAL    NOT NULL,
  PRIMARY KEY (report_id, ordinal, statistic)
);

CREATE TABLE benchmark_sample (
  report_id INTEGER NOT NULL REFERENCES benchmark_report (id),
  ordinal   INTEGER NOT NULL,
  seq       INTEGER NOT NULL,
  value     REAL    NOT NULL,          -- in the unit of benchmark_result.value
  PRIMARY KEY (report_id, ordinal, seq)
);
