#!/bin/sh
# The flagship's calibration targets against the data files they come from:
# every count of data/calib_targets_korea_2012_2017.yaml equals the annual
# table (missiles), the per-missile CNS file (missiles, launch days, ICBM
# launches, SLVs) and the timeline (nuclear tests, first ICBM, first summit);
# the 2011 record the persistence baseline assumes is zero; nothing in data/
# is dated after 2019.
# usage: run.sh BRINK SUITE_DIR
ROOT=$2/../../..
python3 - "$ROOT" <<'PY'
import csv, re, sys, os
root = sys.argv[1]
d = os.path.join(root, "data")
fails = 0
def check(cond, what):
    global fails
    if not cond:
        fails += 1
        print("FAIL:", what)
missiles = list(csv.DictReader(open(os.path.join(d, "dprk_missile_tests_1984_2019.csv"))))
annual = {int(r["year"]): r for r in csv.DictReader(open(os.path.join(d, "annual_targets_2012_2019.csv")))}
timeline = list(csv.DictReader(open(os.path.join(d, "dprk_timeline_2006_2019.csv"))))
def per_year(rows, pred):
    out = {}
    for r in rows:
        if pred(r):
            y = int(r["date_utc"][:4])
            out[y] = out.get(y, 0) + 1
    return out
n_missiles = per_year(missiles, lambda r: True)
n_icbm = per_year(missiles, lambda r: r["type"] == "ICBM")
n_slv = per_year(missiles, lambda r: r["type"] == "SLV")
days = {}
for r in missiles:
    days.setdefault(int(r["date_utc"][:4]), set()).add(r["date_utc"])
nuc = {}
for r in timeline:
    if r["kind"] == "nuclear_test":
        nuc[int(r["date"][:4])] = nuc.get(int(r["date"][:4]), 0) + 1
for y in range(2012, 2020):
    check(n_missiles.get(y, 0) == int(annual[y]["missiles_cns"]), "missiles %d" % y)
    check(n_icbm.get(y, 0) == int(annual[y]["icbm_launches"]), "icbm %d" % y)
    check(n_slv.get(y, 0) == int(annual[y]["slv_launches"]), "slv %d" % y)
    check(nuc.get(y, 0) == int(annual[y]["nuclear_tests"]), "nuclear tests %d" % y)
# the persistence baseline's 2011: zero launches, tests, resolutions, summits
check(n_missiles.get(2011, 0) == 0 and n_missiles.get(2010, 0) == 0, "no launches 2010-2011")
check(nuc.get(2011, 0) == 0, "no nuclear test 2011")
check(not any(r["date"].startswith("2011") and r["kind"] in ("unsc_resolution", "summit")
              for r in timeline), "no resolution or summit in 2011")
# the targets file
text = open(os.path.join(d, "calib_targets_korea_2012_2017.yaml")).read()
expect = {"missiles": n_missiles, "launch_days": {y: len(s) for y, s in days.items()},
          "nuclear_tests": nuc, "icbm_launches": n_icbm}
unsc = {y: int(annual[y]["unsc_resolutions_new_measures"]) for y in annual}
expect["unsc_resolutions"] = unsc
n = 0
for m in re.finditer(r"\{count: (\w+), year: (\d+), observed: (\d+)\}", text):
    k, y, v = m.group(1), int(m.group(2)), int(m.group(3))
    check(2012 <= y <= 2017, "target year %d outside 2012-2017" % y)
    check(expect[k].get(y, 0) == v, "target %s %d = %d, data %d" % (k, y, v, expect[k].get(y, 0)))
    n += 1
check(n == 22, "22 count targets, found %d" % n)
first_icbm = min(r["date_utc"] for r in missiles if r["type"] == "ICBM")[:7]
first_nuc_kju = min(r["date"] for r in timeline if r["kind"] == "nuclear_test" and r["date"] >= "2012")[:7]
first_summit = min(r["date"] for r in timeline if r["kind"] == "summit"
                   and ("USA" in r["actors"] or "KOR" in r["actors"]))[:7]
check("{milestone: first_icbm_test, reached: true, month: %s}" % first_icbm in text, "first ICBM %s" % first_icbm)
check("{milestone: first_nuclear_test, reached: true, month: %s}" % first_nuc_kju in text, "first test %s" % first_nuc_kju)
check(first_summit > "2017-12" and "{milestone: first_leader_summit, reached: false}" in text,
      "no summit by 2017-12 (first %s)" % first_summit)
# nothing after 2019 in data/ (subdirectories included: records/)
files = sorted(os.path.relpath(os.path.join(r, f), d) for r, _, fs in os.walk(d) for f in fs)
check("records/dprk.yaml" in files, "data/records/dprk.yaml is checked")
for f in files:
    for i, line in enumerate(open(os.path.join(d, f), errors="replace")):
        for m in re.finditer(r"(?<![0-9])(20[2-9][0-9])-[01][0-9]", line):
            check(False, "%s:%d: date %s after 2019" % (f, i + 1, m.group(0)))
print("calib-data: %s" % ("passed" if fails == 0 else "%d failed" % fails))
sys.exit(1 if fails else 0)
PY
