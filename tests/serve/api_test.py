#!/usr/bin/env python3
"""api_test.py BRINK SOURCE_DIR - the JSON API of `brink serve`
(docs/workbench.md): every bad request gets a clear 4xx error (bad JSON,
unknown fields, out-of-range levers and run counts, path traversal in its
plain, encoded and absolute forms, oversized bodies, a missing token), the
play API replays a game byte for byte, a comparison of a scenario with
itself differs by exactly 0 (common random numbers), and a bounded load
(50 concurrent clients x 40 requests) gets no failed request while the
server's memory stays bounded; the server then stops cleanly (exit 0: under
ASan, no leak)."""
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

BRINK, SRC = sys.argv[1], sys.argv[2]
CLIENTS = int(os.environ.get("BRINK_LOAD_CLIENTS", "50"))
PER_CLIENT = int(os.environ.get("BRINK_LOAD_REQUESTS", "40"))
failures = []


def fail(msg):
    failures.append(msg)
    print("FAIL:", msg)


proc = subprocess.Popen([BRINK, "serve", "--port", "0", "--root", SRC],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
line = proc.stdout.readline()
m = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
if not m:
    print("FAIL: no URL in", repr(line), proc.stderr.read())
    sys.exit(1)
URL = m.group(1)
page = urllib.request.urlopen(URL).read().decode()
TOKEN = re.search(r'name="brink-token" content="([0-9a-f]{32})"', page).group(1)


def call(method, path, body=None, token=True, raw=None, headers=None):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    req = urllib.request.Request(URL + path, data=data, method=method)
    if token and method == "POST":
        req.add_header("X-Brink-Token", TOKEN)
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def expect(status, want_status, body, fragment, what):
    try:
        msg = json.loads(body).get("error", "")
    except ValueError:
        msg = ""
    if status != want_status or fragment not in msg:
        fail(f"{what}: got {status} {body[:200]!r}; expected {want_status} with '{fragment}'")


K = "scenarios/korea.yaml"
# --- bad requests: clear 4xx errors
s, b = call("POST", "api/validate", raw=b'{"path": "x",')
expect(s, 400, b, "bad JSON at line 1", "truncated JSON")
s, b = call("POST", "api/validate", raw=b'{"path": "a", "path": "b"}')
expect(s, 400, b, "duplicate", "a duplicate key")
s, b = call("POST", "api/validate", raw=b'[1, 2]')
expect(s, 400, b, "expected a JSON object", "an array body")
s, b = call("POST", "api/validate", {"path": K, "colour": "red"})
expect(s, 400, b, "unknown field 'colour'", "an unknown field")
s, b = call("POST", "api/ensemble", {"path": K, "set": {"params.rivalry": 7}, "runs": 10})
expect(s, 422, b, "not valid", "an ensemble with an out-of-range lever")
if b"params.rivalry: 7 is out of range; expected a number in [0, 1]" not in b:
    fail(f"the out-of-range lever's message is not located: {b[:300]!r}")
s, b = call("POST", "api/compare", {"path": K, "set": {"params.no_such_lever": 1}, "runs": 10})
expect(s, 422, b, "not valid", "a comparison with an unknown lever")
# validation answers the question: 200, ok false, the located message
s, b = call("POST", "api/validate", {"path": K, "set": {"params.rivalry": 7}})
v = json.loads(b)
if s != 200 or v.get("ok") is not False or not any(
        "params.rivalry: 7 is out of range; expected a number in [0, 1]" in e for e in v["errors"]):
    fail(f"validate with an out-of-range lever: {s} {b[:300]!r}")
s, b = call("POST", "api/validate", {"path": K, "set": {"params.rivalry": 0.7}})
if s != 200 or json.loads(b).get("ok") is not True:
    fail(f"validate with a valid lever: {s} {b[:200]!r}")
s, b = call("POST", "api/validate", {"path": K, "set": {"params.rivalry": "high"}})
expect(s, 400, b, "expected a finite number", "a lever that is not a number")
s, b = call("POST", "api/ensemble", {"path": K, "runs": 10 ** 9})
expect(s, 400, b, "runs: 1000000000 is out of range; expected a whole number in [1, 20000]",
       "10^9 runs")
s, b = call("POST", "api/compare", {"path": K, "runs": 0})
expect(s, 400, b, "out of range", "0 runs")
s, b = call("POST", "api/ensemble", {"path": K, "runs": 10}, token=False)
expect(s, 403, b, "token", "a POST without the token")
s, b = call("POST", "api/ensemble", {"path": K, "runs": 10}, token=False,
            headers={"X-Brink-Token": "0" * 32})
expect(s, 403, b, "token", "a POST with a wrong token")
s, b = call("POST", "api/validate", raw=b" " * (70 * 1024))
expect(s, 413, b, "larger than 65536 bytes", "an oversized body")
s, b = call("POST", "api/validate", raw=b'{"path": "scenarios/korea.yaml\x00"}')
expect(s, 400, b, "NUL", "a NUL byte in the body")
for p, frag in [("../etc/passwd", "climbs out"),
                ("scenarios/../../etc/passwd", "climbs out"),
                ("%2e%2e/etc/passwd", "climbs out"),          # decoded once by the server
                ("%252e%252e%252fetc%252fpasswd", "may not hold"),  # double-encoded
                ("..%2fetc%2fpasswd", "climbs out"),
                ("/etc/passwd", "absolute path"),
                ("%2fetc%2fpasswd", "absolute path"),
                ("scenarios\\..\\..\\etc", "may not hold"),
                ("no/such.yaml", "does not exist")]:
    q = p if "%" in p else urllib.parse.quote(p, safe="/")
    s, b = call("GET", "api/scenario?path=" + q)
    expect(s, 400, b, frag, f"path {p}")
    s, b = call("POST", "api/ensemble", {"path": urllib.parse.unquote(p), "runs": 10})
    if s != 400:
        fail(f"ensemble on path {p}: got {s}")
s, b = call("GET", "../../etc/passwd")
if s != 404:
    fail(f"a page outside the web directory: got {s}")
s, b = call("GET", "api/info", headers={"Host": "evil.example:80"})
expect(s, 421, b, "Host", "a rebound Host name")
s, b = call("DELETE", "api/info")
expect(s, 405, b, "expected GET or POST", "DELETE")
s, b = call("GET", "api/job?id=abc")
expect(s, 400, b, "id", "a job id that is not a number")
s, b = call("POST", "api/play/decide", {"session": "nope", "action": "wait"})
expect(s, 404, b, "no play session", "an unknown session")

# --- levers carry range, unit and meaning
s, b = call("GET", "api/scenario?path=" + K)
lev = {x["path"]: x for x in json.loads(b)["levers"]}
r = lev.get("params.rivalry")
if s != 200 or not r or r["min"] != 0 or r["max"] != 1 or not r["meaning"]:
    fail(f"params.rivalry lever: {r}")

# --- a comparison of a scenario with itself: every difference exactly 0
s, b = call("POST", "api/compare", {"path": K, "runs": 200, "seed": 3})
job = json.loads(b)["job"]
for _ in range(600):
    s, b = call("GET", f"api/job?id={job}")
    st = json.loads(b)
    if st["state"] != "running":
        break
    time.sleep(0.2)
if st["state"] != "done":
    fail(f"comparison job: {st}")
else:
    for o in st["result"]["outputs"]:
        if o["diff"] != 0 or o["lo"] != 0 or o["hi"] != 0 or o["baseline"] != o["what_if"]:
            fail(f"self-comparison output {o['name']}: {o}")

# --- cancel a long ensemble; the server answers meanwhile
s, b = call("POST", "api/ensemble", {"path": K, "runs": 20000, "seed": 9})
job = json.loads(b)["job"]
t0 = time.monotonic()
s, b = call("GET", "api/info")
if s != 200:
    fail("the server does not answer while an ensemble runs")
s, b = call("POST", "api/cancel", {"job": job})
for _ in range(600):
    st = json.loads(call("GET", f"api/job?id={job}")[1])
    if st["state"] != "running":
        break
    time.sleep(0.1)
if st["state"] != "cancelled":
    fail(f"cancelled job: {st['state']}")

# --- play 12 months as the USA; the log replays byte for byte
s, b = call("POST", "api/play/new", {"path": K, "actor": "USA", "seed": 4})
sess = json.loads(b)
sid = sess["session"]
moves = ["wait", "impose_sanctions", "threaten_force", "wait", "impose_sanctions", "wait",
         "threaten_force", "wait", "wait", "impose_sanctions", "threaten_force", "wait"]
for i, a in enumerate(moves):
    s, b = call("POST", "api/play/decide", {"session": sid, "action": a,
                                             "talks": ["model", "seek", "refuse"][i % 3]})
    if s != 200:
        fail(f"decide {a}: {s} {b[:200]!r}")
s, log = call("GET", f"api/play/log?session={sid}")
s, ev1 = call("GET", f"api/play/events?session={sid}")
if log.decode().count("\n") != 5 + 12:
    fail(f"play log: {log!r}")
s, b = call("POST", "api/play/replay", {"path": K, "log": log.decode()})
sid2 = json.loads(b)["session"]
s, ev2 = call("GET", f"api/play/events?session={sid2}")
if ev1 != ev2 or len(ev1) < 100:
    fail("the replayed game's events.csv differs")
s, b = call("POST", "api/play/decide", {"session": sid, "action": "provide_aid"})
expect(s, 400, b, "not on USA's menu", "an action off the menu")
s, b = call("POST", "api/play/new", {"path": K, "actor": "DPRK"})
expect(s, 400, b, "target", "playing the target")
s, b = call("POST", "api/play/replay", {"path": K, "log": "brink-play 2\n"})
expect(s, 400, b, "version", "a bad log")
# the advisor: 200 look-ahead runs per option
s, b = call("GET", f"api/play/menu?session={sid2}&advice=1")
opts = json.loads(b)["menu"]["options"]
if not all(o.get("outlook", {}).get("runs") == 200 for o in opts):
    fail(f"advisor outlook: {opts}")


# --- bounded load: CLIENTS clients x PER_CLIENT requests, none may fail
def rss_kb():
    with open(f"/proc/{proc.pid}/status") as f:
        return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))


errors = []


def client(i):
    for k in range(PER_CLIENT):
        kind = (i + k) % 4
        if kind == 0:
            s, _ = call("GET", "api/info")
        elif kind == 1:
            s, _ = call("POST", "api/validate", {"path": K, "set": {"params.rivalry": 0.5}})
        elif kind == 2:
            s, _ = call("GET", "app.js")
        else:
            s, _ = call("POST", "api/validate", {"path": K, "oops": 1})
            s = 200 if s == 400 else s
        if s != 200:
            errors.append((i, k, s))


rss0 = rss_kb()
for rnd in range(2):
    th = [threading.Thread(target=client, args=(i,)) for i in range(CLIENTS)]
    for t in th:
        t.start()
    for t in th:
        t.join()
    if rnd == 0:
        rss1 = rss_kb()
rss2 = rss_kb()
print(f"load: {2 * CLIENTS * PER_CLIENT} requests from {CLIENTS} clients, {len(errors)} failed; "
      f"RSS {rss0} kB before, {rss1} kB after the first round, {rss2} kB after the second")
if errors:
    fail(f"{len(errors)} requests failed under load, e.g. {errors[:3]}")
# memory is bounded: a second round of the same load adds no more than 20 MB
if rss2 - rss1 > 20 * 1024:
    fail(f"memory grew by {rss2 - rss1} kB in the second round")

proc.send_signal(signal.SIGTERM)
try:
    out, err = proc.communicate(timeout=120)
except subprocess.TimeoutExpired:
    proc.kill()
    out, err = proc.communicate()
    fail("the server did not stop on SIGTERM")
if proc.returncode != 0:
    fail(f"the server exited {proc.returncode}: {err[-2000:]}")
# --- usage: bad options exit 2; another address than loopback warns
for args, frag in [(["--port", "70000"], "--port"), (["--root", "/no/such/dir"], "--root"),
                   (["extra"], "unexpected argument")]:
    r = subprocess.run([BRINK, "serve"] + args, capture_output=True, text=True, timeout=60)
    if r.returncode != 2 or frag not in r.stderr:
        fail(f"serve {args}: exit {r.returncode}, {r.stderr!r}")
w = subprocess.Popen([BRINK, "serve", "--port", "0", "--bind", "0.0.0.0", "--root", SRC],
                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
first = w.stdout.readline()
w.send_signal(signal.SIGTERM)
out, err = w.communicate(timeout=120)
if "WARNING: listening on 0.0.0.0" not in err or w.returncode != 0:
    fail(f"--bind 0.0.0.0: no warning or exit {w.returncode}: {err!r}")
print("serve api:", "FAILED" if failures else "all checks passed")
sys.exit(1 if failures else 0)
