# Contention pattern: generators.
# Every thread runs the same loop of W iterations; nothing is shared except
# the generator function and its code, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 2000000, "quick": 20000,
         "about": "create and exhaust a small generator each iteration"}


def count_up(n):
    i = 0
    while i < n:
        yield i
        i += 1


def worker(work, tid):
    total = 0
    for i in range(work):
        for v in count_up(4):
            total += v
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = 6 * w
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
