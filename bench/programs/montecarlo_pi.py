# Seed workload: Monte Carlo estimate of pi. Each thread owns a
# random.Random seeded with its thread index and draws W points in the unit
# square. Checked: each thread's estimate is within six standard deviations
# of pi, as is the pooled estimate, and thread 0's generator gives exactly
# the count CPython's Mersenne Twister gives for its first 10000 points.
import math
import random
import benchlib

BENCH = {"kind": "threaded", "group": "seed", "work": 5000000, "quick": 30000,
         "about": "Monte Carlo pi, one random.Random per thread"}


def worker(work, tid):
    rng = random.Random(1000 + tid)
    rand = rng.random
    inside = 0
    for _ in range(work):
        x = rand()
        y = rand()
        if x * x + y * y <= 1.0:
            inside += 1
    return inside


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    p = math.pi / 4
    for r in results:
        sigma = 4 * math.sqrt(p * (1 - p) / w)
        benchlib.check_close(4.0 * r / w, math.pi, 6 * sigma, "per-thread estimate")
    total = len(results) * w
    sigma = 4 * math.sqrt(p * (1 - p) / total)
    benchlib.check_close(4.0 * sum(results) / total, math.pi, 6 * sigma, "pooled estimate")
    benchlib.check_equal(worker(10000, 0), 7838, "points inside for Random(1000)")
    benchlib.report(elapsed)


main()
