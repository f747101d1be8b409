# Unpack sequence: tuple and list unpacking of fixed sizes, starred
# unpacking, nested unpacking and swaps, in a loop. The accumulated sums are
# checked against closed forms.
import benchlib

BENCH = {"kind": "single", "scale": 1000000, "quick": 10000,
         "about": "UNPACK_SEQUENCE on tuples and lists, starred and nested targets"}


def run(n):
    t = (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)
    lst = [10, 20, 30, 40, 50]
    nested = ((1, 2), (3, (4, 5)))
    acc_tuple = 0
    acc_list = 0
    acc_star = 0
    acc_nested = 0
    x = 0
    y = 1
    for i in range(n):
        a, b, c, d, e, f, g, h, j, k = t
        acc_tuple += a + b + c + d + e + f + g + h + j + k
        a, b, c, d, e, f, g, h, j, k = t
        acc_tuple += a - k
        p, q, r, s, u = lst
        acc_list += p + q + r + s + u
        p, q, r, s, u = lst
        acc_list += u - p
        first, *middle, last = t
        acc_star += first + last + len(middle)
        (m1, m2), (m3, (m4, m5)) = nested
        acc_nested += m1 + m2 + m3 + m4 + m5
        x, y = y, x
        x, y = y, x
        pair = (i, i + 1)
        lo, hi = pair
        acc_nested += hi - lo
    return acc_tuple, acc_list, acc_star, acc_nested, x, y


def main():
    n = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    start = benchlib.clock()
    result = run(n)
    elapsed = benchlib.clock() - start
    expected = ((55 - 9) * n, (150 + 40) * n, (1 + 10 + 8) * n, (15 + 1) * n, 0, 1)
    benchlib.check_equal(result, expected, "sums")
    benchlib.report(elapsed)


main()
