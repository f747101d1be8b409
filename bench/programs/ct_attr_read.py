# Contention pattern: reading attributes of one shared instance.
# Every thread runs the same loop of W iterations; nothing is shared except
# one instance of one class, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 16000000, "quick": 160000,
         "about": "read attributes of a single shared instance"}


class Config:
    def __init__(self):
        self.step = 3
        self.limit = 1000


config = Config()


def worker(work, tid):
    total = 0
    for i in range(work):
        total += config.step
        if total > config.limit:
            total -= config.limit
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = (3 * w - 1) % 1000 + 1 if w else 0  # total stays in 1..1000
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
