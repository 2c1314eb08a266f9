#!/bin/sh
# check_schema.sh KTAB_SCHEMA_SQL DB: every table of KTAB's schema exists in DB
# with the same columns and declared types (exit 0); prints the difference.
set -eu
q="select m.name, p.cid, p.name, p.type from sqlite_master m join pragma_table_info(m.name) p
   where m.type = 'table' order by m.name, p.cid;"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sqlite3 "$tmp/ktab.db" < "$1"
sqlite3 "$tmp/ktab.db" "$q" > "$tmp/want"
sqlite3 "$2" "$q" > "$tmp/got"
diff "$tmp/want" "$tmp/got"
