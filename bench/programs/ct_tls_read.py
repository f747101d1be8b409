# Contention pattern: reading a threading.local.
# Every thread runs the same loop of W iterations; nothing is shared except
# one threading.local object, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import threading
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 12000000, "quick": 120000,
         "about": "read an attribute of a shared threading.local"}


local = threading.local()


def worker(work, tid):
    local.step = tid + 1
    total = 0
    for i in range(work):
        total += local.step
    return total - tid * work


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = w
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
