# Contention pattern: calling a method of a shared class.
# Every thread runs the same loop of W iterations; nothing is shared except
# the class and its method (each thread has its own instance), which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 10000000, "quick": 100000,
         "about": "call a method, per-thread instance of a shared class"}


class Accumulator:
    def __init__(self):
        self.total = 0

    def add(self, i):
        self.total += i & 7


def worker(work, tid):
    acc = Accumulator()
    for i in range(work):
        acc.add(i)
    return acc.total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = sum((i & 7) for i in range(w))
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
