# Seed workload: Mandelbrot rows. The image spans the fixed region
# [-2.0, 0.6] x [-1.2, 1.2] with WIDTH columns and N*W rows; thread t renders
# rows t, t+N, t+2N, ... (W rows each, so equal work as N grows). Checked by
# the set's symmetry about the real axis: the rows at +y and -y are computed
# from exactly negated coordinates and must have identical iteration counts,
# row by row and point by point.
import benchlib

BENCH = {"kind": "threaded", "group": "seed", "work": 800, "quick": 20,
         "about": "Mandelbrot escape-time rows, rows interleaved across threads"}

WIDTH = 120
MAX_ITER = 200


def row_counts(y_index, height):
    ci = (y_index + 0.5 - height / 2.0) * (2.4 / height)
    counts = []
    for x_index in range(WIDTH):
        cr = -2.0 + x_index * (2.6 / WIDTH)
        zr = 0.0
        zi = 0.0
        n = 0
        while n < MAX_ITER:
            zr2 = zr * zr
            zi2 = zi * zi
            if zr2 + zi2 > 4.0:
                break
            zi = 2.0 * zr * zi + ci
            zr = zr2 - zi2 + cr
            n += 1
        counts.append(n)
    return counts


def main():
    opts = benchlib.parse_args({"threads": 1, "work": BENCH["work"]})
    nthreads = opts["threads"]
    height = nthreads * opts["work"]
    rows = [None] * height

    def worker(work, tid):
        done = 0
        for y in range(tid, height, nthreads):
            rows[y] = row_counts(y, height)
            done += 1
        return done

    results, elapsed = benchlib.run_threads(nthreads, worker, opts["work"])
    for r in results:
        benchlib.check_equal(r, opts["work"], "rows per thread")
    inside = 0
    for y in range(height):
        benchlib.check(rows[y] is not None, "row " + str(y) + " missing")
        benchlib.check_equal(rows[y], rows[height - 1 - y], "rows symmetric about the axis")
        inside += rows[y].count(MAX_ITER)
    benchlib.check(inside > 0, "no point inside the set")
    benchlib.report(elapsed)


main()
