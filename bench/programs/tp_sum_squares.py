# Seed workload: each ThreadPoolExecutor task sums i*i for i in range(W).
# Weak scaling: N threads run N tasks of equal size. Checked against the
# closed form (W-1)W(2W-1)/6 for every task.
import benchlib

BENCH = {"kind": "threaded", "group": "seed", "work": 15000000, "quick": 200000,
         "about": "integer loop summing i*i, one task per thread on a ThreadPoolExecutor"}


def task(work, tid):
    total = 0
    for i in range(work):
        total += i * i
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_pool(opts["threads"], task, w)
    for r in results:
        benchlib.check_equal(r, (w - 1) * w * (2 * w - 1) // 6, "task sum")
    benchlib.report(elapsed)


main()
