#!/bin/sh
# store_dump.sh - prints a result store's contents in a canonical order,
# without the timing columns (manifest created/completed/threads/ranks,
# run.wall_ms), so two stores can be compared with diff.
# usage: store_dump.sh DIR
DB=$1/results.sqlite
sqlite3 -readonly "$DB" <<'SQL'
.mode list
SELECT 'manifest', key, value FROM manifest
 WHERE key NOT IN ('created', 'completed', 'threads', 'ranks') ORDER BY key;
SELECT 'factor', idx, name, path, dist FROM factor ORDER BY idx;
SELECT 'output', idx, name FROM output ORDER BY idx;
SELECT 'design', point, factor, printf('%.17g', u), printf('%.17g', value) FROM design
 ORDER BY point, factor;
SELECT 'run', point, rep, status, coalesce(error, '') FROM run ORDER BY point, rep;
SELECT 'scalar', point, rep, output, printf('%.17g', value) FROM scalar
 ORDER BY point, rep, output;
SELECT 'summary', point, output, n, failed, printf('%.17g', mean), printf('%.17g', sd),
       printf('%.17g', min), printf('%.17g', max) FROM point_summary ORDER BY point, output;
SELECT 'series', idx, name FROM series ORDER BY idx;
SELECT 'series_value', point, rep, series, step, printf('%.17g', value) FROM series_value
 ORDER BY point, rep, series, step;
SELECT 'series_band', point, series, step, stat, printf('%.17g', value) FROM series_band
 ORDER BY point, series, step, stat;
SQL
