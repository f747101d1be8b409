# Contention pattern: calling a shared global function.
# Every thread runs the same loop of W iterations; nothing is shared except
# the function object and its code, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 12000000, "quick": 120000,
         "about": "call a module-level function defined in the script"}


def add_index(x, i):
    return x + (i & 7)


def worker(work, tid):
    total = 0
    for i in range(work):
        total = add_index(total, i)
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = sum((i & 7) for i in range(w))
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
