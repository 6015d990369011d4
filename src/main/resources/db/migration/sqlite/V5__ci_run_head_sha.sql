-- dx-exporter store, schema 5: the head commit of each CI run attempt (webhook and poll both send
-- it), so reports ingested from a run's artifacts carry the run's commit and flaky detection can
-- pair them by commit like pushed reports. Null for rows stored before this version.

ALTER TABLE ci_run ADD COLUMN head_sha TEXT;
