# Contention pattern: comparing with string and tuple constants.
# Every thread runs the same loop of W iterations; nothing is shared except
# the constant str and tuple objects, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 7000000, "quick": 70000,
         "about": "== against str and tuple constants"}


WORDS = ["alpha", "beta", "gamma", "delta"]
PAIRS = [(1, 2), (3, 4), (1, 2, 3), (5, 6)]


def worker(work, tid):
    total = 0
    for i in range(work):
        w = WORDS[i & 3]
        p = PAIRS[i & 3]
        if w == "gamma":
            total += 1
        if p == (1, 2, 3):
            total += 2
        if w == "alpha" and p == (1, 2):
            total += 4
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = sum(3 if i & 3 == 2 else (4 if i & 3 == 0 else 0) for i in range(w))
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
