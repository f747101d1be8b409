# Seed workload: each ThreadPoolExecutor task sums (i ** 2) % 123 for i in
# range(W). Checked against a sum computed from one period of the residues
# (i**2 mod 123 repeats every 123), which needs no loop over W.
import benchlib

BENCH = {"kind": "threaded", "group": "seed", "work": 7500000, "quick": 150000,
         "about": "(i ** 2) % 123 summed, one task per thread on a ThreadPoolExecutor"}


def task(work, tid):
    total = 0
    for i in range(work):
        total += (i ** 2) % 123
    return total


def expected(work):
    period = []
    for r in range(123):
        period.append(r * r % 123)
    full, rest = divmod(work, 123)
    return full * sum(period) + sum(period[:rest])


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_pool(opts["threads"], task, w)
    want = expected(w)
    for r in results:
        benchlib.check_equal(r, want, "task sum")
    benchlib.report(elapsed)


main()
