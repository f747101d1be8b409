# Contention pattern: dict.get on one shared dict.
# Every thread runs the same loop of W iterations; nothing is shared except
# one dict (read only), which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 13000000, "quick": 130000,
         "about": "dict.get on a single shared dict"}


TABLE = {}
for _k in range(64):
    TABLE[_k] = _k * 3


def worker(work, tid):
    total = 0
    for i in range(work):
        total += TABLE.get(i & 63, 0)
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = sum((i & 63) * 3 for i in range(w))
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
