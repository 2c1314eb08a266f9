-- The hand-made store of tests/report/sweep: a manifest and per-point
-- aggregates.  Rebuild with: sqlite3 sweep.db < sweep.sql
CREATE TABLE manifest (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO manifest VALUES ('version', '0.1.0'), ('scenario', 'korea-mini'),
  ('scenario_hash', 'sha256:aa11'), ('experiment', 'levers-mini'),
  ('experiment_hash', 'sha256:bb22'), ('seed', '99'), ('runs', '4');
CREATE TABLE points (point INTEGER PRIMARY KEY, us_pressure REAL, chn_enforcement REAL,
  dprk_risk REAL, p_deal REAL);
INSERT INTO points VALUES (0, 0.0, 0.0, 0.5, 0.10), (1, 0.25, 1.0, 0.5, 0.20),
  (2, 0.5, 0.0, 0.5, 0.30), (3, 1.0, 1.0, 0.5, 0.60);
