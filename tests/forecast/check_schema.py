"""check_schema.py KTAB_SCHEMA_SQL DB: every table of KTAB's schema exists in DB
with the same columns and declared types (exit 0), else prints the difference."""
import sqlite3
import sys


def columns(con):
    out = {}
    for (table,) in con.execute("select name from sqlite_master where type='table'"):
        out[table] = [(r[1], r[2]) for r in con.execute('pragma table_info("%s")' % table)]
    return out


ktab = sqlite3.connect(":memory:")
with open(sys.argv[1]) as f:
    ktab.executescript(f.read())
want = columns(ktab)
got = columns(sqlite3.connect(sys.argv[2]))
bad = [t for t in want if got.get(t) != want[t]]
for t in bad:
    print("table %s: KTAB %s, brink %s" % (t, want[t], got.get(t)))
sys.exit(1 if bad else 0)
