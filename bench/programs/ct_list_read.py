# Contention pattern: indexing and iterating one shared list.
# Every thread runs the same loop of W iterations; nothing is shared except
# one list (read only), which is what ftpy must keep free of contention (no lock
# or refcount traffic on it: list reads take no lock). Checked: each thread's
# sum equals the closed form.
import benchlib

BENCH = {"kind": "threaded", "group": "contention", "work": 12000000, "quick": 120000,
         "about": "index a single shared list (and iterate it every 64 reads)"}


TABLE = [k * 3 for k in range(64)]


def worker(work, tid):
    total = 0
    table = TABLE
    for i in range(work):
        total += table[i & 63]
        if i & 63 == 63:
            for x in table:
                total -= x
    return total


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    w = opts["work"]
    results, elapsed = benchlib.run_threads(opts["threads"], worker, w)
    # Each full block of 64 reads adds then subtracts the whole table.
    want = sum((i & 63) * 3 for i in range(w - w % 64, w))
    for r in results:
        benchlib.check_equal(r, want, "per-thread result")
    benchlib.report(elapsed)


main()
