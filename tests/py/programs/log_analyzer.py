# A date-free log parser and analyzer: Counter, defaultdict, logging with custom handlers, csv export.
import csv
import io
import logging
import re
from collections import Counter, defaultdict, deque

RAW_LOG = """\
[web-1] INFO  GET /index.html 200 12ms user=alice
[web-2] INFO  GET /api/items 200 48ms user=bob
[web-1] WARN  GET /api/items 429 3ms user=mallory
[db-1]  ERROR query timeout after 5000ms table=orders
[web-2] INFO  POST /api/items 201 95ms user=alice
[web-1] INFO  GET /index.html 304 2ms user=carol
[web-3] ERROR GET /api/orders 500 1203ms user=bob
[db-1]  INFO  vacuum finished table=items
[web-2] DEBUG cache hit key=items:all
[web-3] INFO  GET /api/orders 200 88ms user=alice
garbage line without structure
[web-1] WARN  GET /admin 403 1ms user=mallory
[web-1] WARN  GET /admin 403 1ms user=mallory
[web-2] INFO  DELETE /api/items/7 204 30ms user=alice
"""

LINE = re.compile(r"^\[(?P<host>[\w-]+)\]\s+(?P<level>[A-Z]+)\s+(?P<msg>.*)$")
REQUEST = re.compile(r"(?P<method>GET|POST|PUT|DELETE) (?P<path>\S+) (?P<status>\d{3}) (?P<ms>\d+)ms user=(?P<user>\w+)")
KV = re.compile(r"(\w+)=([\w:]+)")


class ListHandler(logging.Handler):
    def __init__(self):
        super().__init__()
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


log = logging.getLogger("analyzer")
log.setLevel(logging.DEBUG)
handler = ListHandler()
handler.setFormatter(logging.Formatter("%(levelname)-7s %(name)s: %(message)s"))
log.addHandler(handler)
log.propagate = False

entries, requests = [], []
for lineno, line in enumerate(RAW_LOG.splitlines(), 1):
    m = LINE.match(line)
    if not m:
        log.warning("line %d unparseable: %r", lineno, line[:20])
        continue
    e = m.groupdict()
    e["kv"] = dict(KV.findall(e["msg"]))
    entries.append(e)
    r = REQUEST.search(e["msg"])
    if r:
        req = r.groupdict()
        req["status"], req["ms"] = int(req["status"]), int(req["ms"])
        req["host"] = e["host"]
        requests.append(req)
log.info("parsed %d entries, %d requests", len(entries), len(requests))

levels = Counter(e["level"] for e in entries)
print("levels:", sorted(levels.items()), levels.most_common(1))
by_host = defaultdict(Counter)
for e in entries:
    by_host[e["host"]][e["level"]] += 1
for host in sorted(by_host):
    print(f"  {host:<6} " + " ".join(f"{lvl}={n}" for lvl, n in sorted(by_host[host].items())))

status_classes = Counter(f"{r['status'] // 100}xx" for r in requests)
print("status classes:", dict(sorted(status_classes.items())))
latency = defaultdict(list)
for r in requests:
    latency[r["path"]].append(r["ms"])
print(f"{'path':<16}{'n':>3}{'avg':>9}{'max':>6}")
for path, ms in sorted(latency.items(), key=lambda kv: (-len(kv[1]), kv[0])):
    print(f"{path:<16}{len(ms):>3}{sum(ms) / len(ms):>9.1f}{max(ms):>6}")

users = Counter(r["user"] for r in requests)
errors_by_user = Counter(r["user"] for r in requests if r["status"] >= 400)
print("users:", users.most_common(), "errors:", dict(errors_by_user))
print("arith:", users + errors_by_user, users - errors_by_user, users & errors_by_user, users | errors_by_user)
print("total", sum(users.values()), users.total(), sorted(users.elements())[:4])

# repeated-line detection with a sliding window
window = deque(maxlen=2)
dups = []
for line in RAW_LOG.splitlines():
    if window and window[-1] == line:
        dups.append(line)
    window.append(line)
print("duplicates:", dups)

suspicious = {u for u, n in errors_by_user.items() if n >= 2}
for u in sorted(suspicious):
    log.error("user %s had %d failed requests", u, errors_by_user[u])
log.debug("slowest: %s", max(requests, key=lambda r: r["ms"])["path"])
try:
    int("x")
except ValueError:
    log.exception("conversion failed")

print("-- log records")
for rec in handler.records:
    print(rec.splitlines()[0], f"(+{len(rec.splitlines()) - 1} lines)" if "\n" in rec else "")

buf = io.StringIO()
w = csv.DictWriter(buf, fieldnames=["host", "method", "path", "status", "ms", "user"], lineterminator="\n")
w.writeheader()
w.writerows(sorted(requests, key=lambda r: (r["host"], r["ms"])))
print("-- csv export")
print(buf.getvalue(), end="")
back = list(csv.DictReader(io.StringIO(buf.getvalue())))
print(len(back), back[0]["path"], sum(int(r["ms"]) for r in back) == sum(r["ms"] for r in requests))

child = logging.getLogger("analyzer.child")
print(child.parent is log, child.getEffectiveLevel(), logging.getLevelName(logging.WARNING), logging.getLevelName(15))
print(log.isEnabledFor(logging.DEBUG), logging.getLogger().level, len(handler.records))
