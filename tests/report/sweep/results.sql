-- The hand-made store of tests/report/sweep in the layout of
-- docs/results-format.md (brink sweep): manifest, factors, outputs, the
-- design in long form, runs and per-point summaries.
-- Rebuild with: sqlite3 results.sqlite < results.sql
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO manifest VALUES ('format_version', '1'), ('brink_version', '0.1.0'),
  ('experiment', 'levers-mini'), ('experiment_sha256', 'bb22'), ('scenario', 'korea.yaml'),
  ('scenario_sha256', 'aa11'), ('seed', '99'), ('runs', '8'), ('status', 'complete');
CREATE TABLE factor (idx INTEGER PRIMARY KEY, name TEXT UNIQUE, path TEXT, dist TEXT);
INSERT INTO factor VALUES (0, 'chn_enforcement', 'dyads[6].enforcement', 'uniform'),
  (1, 'us_pressure', 'actors[USA].leaders[0].pressure', 'uniform'),
  (2, 'dprk_risk', 'actors[DPRK].leaders[0].risk', 'uniform');
CREATE TABLE output (idx INTEGER PRIMARY KEY, name TEXT UNIQUE);
INSERT INTO output VALUES (0, 'p_deal'), (1, 'p_war');
CREATE TABLE design (point INTEGER, factor INTEGER, u REAL, value REAL NOT NULL,
  PRIMARY KEY (point, factor));
-- four points: (chn_enforcement, us_pressure, dprk_risk)
INSERT INTO design VALUES (0, 0, 0.0, 0.0), (0, 1, 0.0, 0.0), (0, 2, 0.5, 0.5);
INSERT INTO design VALUES (1, 0, 1.0, 1.0), (1, 1, 0.25, 0.25), (1, 2, 0.5, 0.5);
INSERT INTO design VALUES (2, 0, 0.0, 0.0), (2, 1, 0.5, 0.5), (2, 2, 0.5, 0.5);
INSERT INTO design VALUES (3, 0, 1.0, 1.0), (3, 1, 1.0, 1.0), (3, 2, 0.5, 0.5);
CREATE TABLE run (point INTEGER, rep INTEGER, status TEXT, error TEXT, wall_ms REAL,
  PRIMARY KEY (point, rep));
CREATE TABLE point_summary (point INTEGER, output INTEGER, n INTEGER, failed INTEGER,
  mean REAL, sd REAL, min REAL, max REAL, PRIMARY KEY (point, output));
INSERT INTO point_summary VALUES (0, 0, 2, 0, 0.10, NULL, NULL, NULL),
  (1, 0, 2, 0, 0.20, NULL, NULL, NULL), (2, 0, 2, 0, 0.30, NULL, NULL, NULL),
  (3, 0, 2, 0, 0.60, NULL, NULL, NULL), (0, 1, 2, 0, 0.05, NULL, NULL, NULL),
  (1, 1, 2, 0, 0.04, NULL, NULL, NULL), (2, 1, 2, 0, 0.03, NULL, NULL, NULL),
  (3, 1, 0, 2, NULL, NULL, NULL, NULL);
