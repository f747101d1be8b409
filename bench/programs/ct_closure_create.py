# Contention pattern: creating closures.
# Every thread runs the same loop of W iterations; nothing is shared except
# the enclosing function and its code, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 3500000, "quick": 35000,
         "about": "create and call a closure each iteration"}


def make_adder(n):
    def add(x):
        return x + n
    return add


def worker(work, tid):
    total = 0
    for i in range(work):
        f = make_adder(i & 3)
        total = f(total)
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = sum((i & 3) for i in range(w))
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
