#!/bin/sh
# csv_design_r.sh - a design written by R's write.csv (quoted header, a
# row-name column with an empty header, CRLF line ends when asked) is
# accepted, and the sweep over it holds the same design as the sweep over
# the original CSV.  R (Rscript, from r-base-dev) writes the file: the peer
# tool whose output must be read.
# usage: csv_design_r.sh BRINK SOURCE_DIR
set -u
B=$1
S=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v Rscript >/dev/null 2>&1 || fail "Rscript is not installed (tools/deps.sh installs r-base-dev)"
cp "$S/scenarios/experiments/linear-file.yaml" "$S/scenarios/experiments/linear-design.csv" "$tmp/"
Rscript -e 'd <- read.csv(commandArgs(TRUE)[1]);
            write.csv(d, commandArgs(TRUE)[2]);
            write.csv(d, commandArgs(TRUE)[3], row.names = FALSE, eol = "\r\n")' \
    "$tmp/linear-design.csv" "$tmp/r-rownames.csv" "$tmp/r-crlf.csv" || fail "Rscript"
head -n 2 "$tmp/r-rownames.csv" | grep -q '^"","x2","x1"' || fail "R did not quote the header: $(head -n 1 "$tmp/r-rownames.csv")"
"$B" sweep "$tmp/linear-file.yaml" --out "$tmp/orig" --threads 1 >/dev/null || fail "sweep of the original"
"$B" export "$tmp/orig" --table design --format csv >"$tmp/orig.design" || fail "export"
for f in r-rownames r-crlf; do
    sed "s/linear-design.csv/$f.csv/" "$tmp/linear-file.yaml" >"$tmp/$f.yaml"
    "$B" sweep "$tmp/$f.yaml" --dry-run >/dev/null || fail "$f.csv (R's write.csv) rejected"
    "$B" sweep "$tmp/$f.yaml" --out "$tmp/$f" --threads 1 >/dev/null || fail "sweep of $f.csv"
    "$B" export "$tmp/$f" --table design --format csv >"$tmp/$f.design" || fail "export"
    cmp -s "$tmp/orig.design" "$tmp/$f.design" || fail "$f.csv gives another design"
done
echo "R's write.csv designs (quoted header, row names, CRLF) give the original design"
