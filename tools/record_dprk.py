#!/usr/bin/env python3
"""Writes data/records/dprk.yaml, the shipped DPRK record in the record
format (docs/record-format.md), from the data files that carry the sources
(data/SOURCES.md).  Nothing after 2019.  usage: tools/record_dprk.py [ROOT]"""
import collections, csv, os, sys

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
d = os.path.join(root, "data")
missiles = list(csv.DictReader(open(os.path.join(d, "dprk_missile_tests_1984_2019.csv"))))
timeline = list(csv.DictReader(open(os.path.join(d, "dprk_timeline_2006_2019.csv"))))

events = []  # (date, actor, kind, count, source, note)
per_date = collections.Counter(r["date_utc"] for r in missiles)
for date in sorted(per_date):
    events.append((date, "DPRK", "missile", per_date[date], "cns", ""))
icbm = collections.Counter(r["date_utc"] for r in missiles if r["type"] == "ICBM")
for date in sorted(icbm):
    events.append((date, "DPRK", "icbm_launch", icbm[date], "cns", ""))
for r in timeline:
    kind, actors, desc = r["kind"], r["actors"].split(";"), r["description"]
    if kind == "nuclear_test":
        events.append((r["date"], "DPRK", "nuclear_test", 1, "timeline", desc))
    elif kind == "unsc_resolution" and r["date"] >= "2012":
        events.append((r["date"], "UNSC", "resolution", 1, "timeline", desc))
    elif kind == "summit" and r["date"] >= "2012" and ("USA" in actors or "KOR" in actors):
        events.append((r["date"], "DPRK", "leader_summit", 1, "timeline", desc))
for e in events:
    assert e[0] < "2020", e
events.sort(key=lambda e: (e[0], e[1], e[2]))

def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'

out = []
out.append("# data/records/dprk.yaml: the DPRK record to 2019-12 in the record format")
out.append("# (docs/record-format.md).  Written by tools/record_dprk.py from")
out.append("# data/dprk_missile_tests_1984_2019.csv (source cns: the CNS North Korea")
out.append("# Missile Test Database, one row per missile, UTC dates) and")
out.append("# data/dprk_timeline_2006_2019.csv (source timeline: UN documents,")
out.append("# CTBTO/USGS, news archives); data/SOURCES.md has the sources and")
out.append("# data/README.md the counting rules.  Nothing after 2019.")
out.append("format: 1")
out.append("case: DPRK")
out.append("through: 2019-12")
out.append("series:")
out.append('  - {actor: DPRK, kind: missile, from: 1984-01, source: "CNS: missiles launched, SLVs included, failures count"}')
out.append('  - {actor: DPRK, kind: icbm_launch, from: 1984-01, source: "CNS type ICBM"}')
out.append('  - {actor: DPRK, kind: nuclear_test, from: 2006-01, source: "CTBTO/USGS verified tests"}')
out.append('  - {actor: UNSC, kind: resolution, from: 2012-01, source: "UNSC resolutions with new measures on the DPRK"}')
out.append('  - {actor: DPRK, kind: leader_summit, from: 2012-01, source: "meetings of the DPRK leader with the US or ROK leader"}')
out.append("events:")
for date, actor, kind, count, src, note in events:
    line = "  - {date: %s, actor: %s, kind: %s, count: %d, source: %s" % (date, actor, kind, count, src)
    if note:
        line += ", note: " + q(note)
    out.append(line + "}")
with open(os.path.join(d, "records", "dprk.yaml"), "w") as f:
    f.write("\n".join(out) + "\n")
