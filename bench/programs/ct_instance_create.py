# Contention pattern: creating instances of a shared class.
# Every thread runs the same loop of W iterations; nothing is shared except
# the class, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 4000000, "quick": 40000,
         "about": "instantiate a shared class with __init__"}


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def worker(work, tid):
    total = 0
    for i in range(work):
        p = Point(i, 2)
        total += p.y
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = 2 * w
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
