# A web-log analyser: gzip-rotated access logs in a temp dir, parsed with a
# verbose regex, times with strptime, top-N with heapq/Counter, percentiles
# with statistics, output as an aligned table and JSON.
import gzip
import heapq
import json
import os
import re
import statistics
import tempfile
from collections import Counter, defaultdict
from datetime import datetime, timedelta, timezone
from itertools import islice
from urllib.parse import urlsplit, parse_qs

LINE = re.compile(r"""
    (?P<ip>\d{1,3}(?:\.\d{1,3}){3})\s-\s(?P<user>\S+)\s
    \[(?P<ts>[^\]]+)\]\s
    "(?P<method>[A-Z]+)\s(?P<target>\S+)\s(?P<proto>HTTP/[\d.]+)"\s
    (?P<status>\d{3})\s(?P<size>\d+|-)\s
    "(?P<referer>[^"]*)"\s"(?P<agent>[^"]*)"\s
    (?P<rt>\d+\.\d+)$
""", re.X)

paths = ["/", "/index.html", "/api/items?page=2&sort=name", "/api/items/7", "/login", "/static/app.js",
         "/api/search?q=caf%C3%A9&limit=10", "/favicon.ico"]
agents = ["Mozilla/5.0 (X11; Linux x86_64)", "curl/8.1.2", "python-requests/2.31", "Googlebot/2.1"]
base = datetime(2024, 3, 10, 23, 58, 0, tzinfo=timezone(timedelta(hours=1)))


def make_line(i):
    ts = base + timedelta(seconds=i * 7)
    status = [200, 200, 200, 304, 404, 500, 301][i % 7]
    size = "-" if status == 304 else str((i * 137) % 5000 + 100)
    return (f'10.0.{i % 3}.{(i * 11) % 250} - {"-" if i % 5 else "ann"} [{ts.strftime("%d/%b/%Y:%H:%M:%S %z")}] '
            f'"{["GET", "POST", "GET", "HEAD"][i % 4]} {paths[i % len(paths)]} HTTP/1.1" {status} {size} '
            f'"{"-" if i % 3 else "https://example.com/"}" "{agents[i % len(agents)]}" {((i * 31) % 900) / 1000 + 0.001:.3f}')


with tempfile.TemporaryDirectory() as d:
    for n in range(3):
        name = os.path.join(d, f"access.log.{n}.gz" if n else "access.log")
        opener = gzip.open if n else open
        with opener(name, "wt", encoding="utf-8") as f:
            for i in range(n * 60, n * 60 + 60):
                f.write(make_line(i) + "\n")
            if n == 1:
                f.write("garbage line that does not match\n")
    files = sorted(os.listdir(d))
    print(files)
    records, bad = [], 0
    for name in files:
        p = os.path.join(d, name)
        opener = gzip.open if name.endswith(".gz") else open
        with opener(p, "rt", encoding="utf-8") as f:
            for line in f:
                m = LINE.match(line.rstrip("\n"))
                if not m:
                    bad += 1
                    continue
                r = m.groupdict()
                r["ts"] = datetime.strptime(r["ts"], "%d/%b/%Y:%H:%M:%S %z")
                r["status"] = int(r["status"])
                r["size"] = 0 if r["size"] == "-" else int(r["size"])
                r["rt"] = float(r["rt"])
                records.append(r)
print(len(records), "records,", bad, "bad")
records.sort(key=lambda r: r["ts"])
print(records[0]["ts"], records[-1]["ts"], records[-1]["ts"] - records[0]["ts"])
print(records[0]["ts"].astimezone(timezone.utc).isoformat(), records[-1]["ts"].strftime("%A %j %U"))

status = Counter(r["status"] for r in records)
print(sorted(status.items()), f"{status[500] / len(records):.2%} errors")
by_path = defaultdict(list)
for r in records:
    by_path[urlsplit(r["target"]).path].append(r["rt"])
w = max(map(len, by_path))
print(f"{'path':<{w}} {'hits':>5} {'p50':>7} {'p90':>7} {'max':>7}")
for path, rts in sorted(by_path.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    qs = statistics.quantiles(rts, n=10) if len(rts) > 1 else [rts[0]] * 9
    print(f"{path:<{w}} {len(rts):>5} {statistics.median(rts):>7.3f} {qs[8]:>7.3f} {max(rts):>7.3f}")
slowest = heapq.nlargest(3, records, key=lambda r: (r["rt"], r["ts"]))
print([(r["target"], r["rt"]) for r in slowest])
per_minute = Counter(r["ts"].replace(second=0) for r in records)
print([(k.strftime("%H:%M"), v) for k, v in islice(sorted(per_minute.items()), 4)])
queries = Counter()
for r in records:
    for k, vs in parse_qs(urlsplit(r["target"]).query).items():
        for v in vs:
            queries[(k, v)] += 1
print(sorted(queries.items()))
agents_c = Counter(r["agent"].split("/")[0] for r in records)
print(agents_c.most_common(), sum(r["size"] for r in records), len({r["ip"] for r in records}))
users = Counter(r["user"] for r in records if r["user"] != "-")
report = {"total": len(records), "bad": bad, "status": {str(k): v for k, v in sorted(status.items())},
          "users": dict(users), "bytes": sum(r["size"] for r in records),
          "mean_rt": round(statistics.fmean(r["rt"] for r in records), 4),
          "window": [records[0]["ts"].isoformat(), records[-1]["ts"].isoformat()]}
print(json.dumps(report, indent=1))
