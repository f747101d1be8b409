# Integer loop: sum of i*i for i in range(n). Checked against the closed form
# (n-1)n(2n-1)/6. Each term is a small int; the running total passes 2**62
# at the default scale, so the tail exercises big-int addition too.
import benchlib

BENCH = {"kind": "single", "scale": 20000000, "quick": 200000,
         "about": "for loop summing i*i (small-int arithmetic)"}


def sum_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def main():
    n = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    start = benchlib.clock()
    total = sum_squares(n)
    elapsed = benchlib.clock() - start
    benchlib.check_equal(total, (n - 1) * n * (2 * n - 1) // 6, "sum of squares")
    benchlib.report(elapsed)


main()
