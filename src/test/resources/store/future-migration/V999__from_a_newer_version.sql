-- Stands for a migration that a newer dx-exporter shipped and this build does not know.
CREATE TABLE from_the_future (report_id INTEGER NOT NULL, name TEXT NOT NULL, seconds REAL NOT NULL);
