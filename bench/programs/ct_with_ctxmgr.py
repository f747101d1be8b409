# Contention pattern: `with` on a shared context-manager class.
# Every thread runs the same loop of W iterations; nothing is shared except
# the class and its __enter__/__exit__, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 3000000, "quick": 30000,
         "about": "with-statement on an instance of a shared context manager class"}


class Section:
    def __init__(self):
        self.depth = 0
        self.entered = 0

    def __enter__(self):
        self.depth += 1
        self.entered += 1
        return self

    def __exit__(self, exc_type, exc, tb):
        self.depth -= 1
        return False


def worker(work, tid):
    section = Section()
    total = 0
    for i in range(work):
        with section as s:
            total += s.depth
    if section.depth != 0:
        return -1
    return total + section.entered


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    want = 2 * w
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
