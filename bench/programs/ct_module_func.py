# Contention pattern: calling a function of an imported module.
# Every thread runs the same loop of W iterations; nothing is shared except
# the module, its dict and the function, which is what ftpy must keep free of contention (no refcount
# or lock traffic on it). Checked: each thread's sum equals the closed form.
import _ct_module
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 11000000, "quick": 110000,
         "about": "call module.function of an imported module"}



def worker(work, tid):
    total = 0
    for i in range(work):
        total = _ct_module.add_low_bits(total, i)
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
