#!/bin/sh
# include_graph.sh - the include graph follows the layers of
# docs/library.md ("Modules and their layers"):
#   core 0 < scenario 1 < {game, forecast, assim} 2 < sim 3 < calib 4
#   < ensemble 5 < {store, report} 6 < cli 7
# 1. cli/ includes only public headers (brink/...) and its own headers;
# 2. include/brink/ includes only public headers;
# 3. a file of src/M includes another module's header only if that module
#    is on a lower layer (a public header brink/X.h belongs to the module
#    that implements it; the umbrella brink/brink.h counts as the top of the
#    library and is allowed from calib up), and only the headers that module
#    offers to others (scenario/doc.h and scenario/schema.h: the strict
#    loader; core/csv.h: the CSV reader); every other header in src/ is
#    private to its module.
# Edges that break a rule today are listed in include_exceptions.txt with
# the reason; the test fails on any other, and on an exception no longer
# needed (so the list only shrinks).
# usage: include_graph.sh SOURCE_DIR
ROOT=${1:-.}
EXC=$ROOT/tests/lib/include_exceptions.txt
T=${TMPDIR:-/tmp}/brink-include-graph.$$
mkdir -p "$T"
trap 'rm -rf "$T"' EXIT
cd "$ROOT" || exit 2
# every quoted include as "FILE INCLUDED"
for f in $(find cli include/brink src -name '*.c' -o -name '*.h' | sort); do
    sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*"\([^"]*\)".*/\1/p' "$f" |
        while read -r inc; do echo "$f $inc"; done
done > "$T/edges"
[ -s "$T/edges" ] || { echo "FAIL: no includes found under $ROOT"; exit 1; }
awk -v exc="$EXC" '
function rank(m) {
    if (m == "core") return 0;
    if (m == "scenario") return 1;
    if (m == "game" || m == "forecast" || m == "assim") return 2;
    if (m == "sim") return 3;
    if (m == "calib") return 4;
    if (m == "ensemble") return 5;
    if (m == "store" || m == "report") return 6;
    if (m == "cli") return 7;
    return -1;
}
function owner(h) { # the module of a public header
    if (h ~ /^(core|export|version|outdir|rng)\.h$/) return "core";
    if (h == "scenario.h") return "scenario";
    if (h == "game.h") return "game";
    if (h == "forecast.h") return "forecast";
    if (h == "record.h" || h == "smc.h") return "assim";
    if (h == "sim.h" || h == "stepper.h" || h == "play.h") return "sim";
    if (h == "calib.h" || h == "baseline.h" || h == "rolling.h") return "calib";
    if (h == "experiment.h") return "ensemble";
    if (h == "report.h") return "report";
    if (h == "brink.h") return "umbrella";
    return "";
}
BEGIN {
    while ((getline line < exc) > 0) {
        if (line ~ /^#/ || line ~ /^[[:space:]]*$/) continue;
        split(line, a, " ");
        allowed[a[1] " " a[2]] = 1;
        nallowed++;
    }
    offered["scenario/doc.h"] = 1; offered["scenario/schema.h"] = 1; offered["core/csv.h"] = 1;
}
{
    file = $1; inc = $2; why = "";
    split(file, p, "/");
    if (p[1] == "cli") {
        if (inc ~ /\// && inc !~ /^brink\//) why = "cli/ sees only include/brink/";
        else if (inc ~ /^brink\// && owner(substr(inc, 7)) == "") why = "not a public header";
    } else if (p[1] == "include") {
        if (inc !~ /^brink\//) why = "a public header includes only public headers";
    } else if (p[1] == "src") {
        m = p[2]; r = rank(m);
        if (r < 0) why = "module " m " has no layer (add it to docs/library.md and this test)";
        else if (inc ~ /^brink\//) {
            o = owner(substr(inc, 7));
            if (o == "") why = "not a public header";
            else if (o == "umbrella") { if (r < rank("calib")) why = "the umbrella header below calib" }
            else if (o != m && rank(o) >= r) why = "public header of " o " (layer " rank(o) ") from " m " (layer " r ")";
        } else if (inc ~ /\//) {
            split(inc, q, "/"); o = q[1];
            if (o != m) {
                if (rank(o) < 0) why = "unknown module " o;
                else if (rank(o) >= r) why = o " (layer " rank(o) ") from " m " (layer " r ")";
                else if (!(inc in offered)) why = "private header of " o;
            }
        }
    }
    if (why == "") next;
    key = file " " inc;
    if (key in allowed) { used[key] = 1; next; }
    printf "FAIL: %s includes \"%s\": %s\n", file, inc, why;
    bad++;
}
END {
    for (k in allowed)
        if (!(k in used)) { printf "FAIL: exception no longer needed: %s\n", k; bad++ }
    if (bad) exit 1;
    printf "include graph: %d includes checked, %d known exceptions\n", NR, nallowed;
}' "$T/edges"
