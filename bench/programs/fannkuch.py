# Fannkuch-redux: for every permutation of 1..n (generated in a fixed order),
# count the pancake flips until 1 is in front; report the maximum number of
# flips and a checksum (alternating sum of flip counts). Checked against the
# published results for each n.
import benchlib

BENCH = {"kind": "single", "scale": 9, "quick": 7,
         "about": "list slicing and reversal, permutation generation"}

# n: (checksum, max flips)
KNOWN = {7: (228, 16), 8: (1616, 22), 9: (8629, 30), 10: (73196, 38),
         11: (556355, 51), 12: (3968050, 65)}


def fannkuch(n):
    perm1 = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    sign = 1
    r = n
    while True:
        while r != 1:
            count[r - 1] = r
            r -= 1
        # Count flips for this permutation.
        first = perm1[0]
        if first != 0:
            perm = perm1[:]
            flips = 0
            k = first
            while k != 0:
                perm[:k + 1] = perm[k::-1]
                flips += 1
                k = perm[0]
            if flips > max_flips:
                max_flips = flips
            checksum += sign * flips
        sign = -sign
        # Next permutation (rotation-based counting order).
        while True:
            if r == n:
                return checksum, max_flips
            perm0 = perm1[0]
            i = 0
            while i < r:
                perm1[i] = perm1[i + 1]
                i += 1
            perm1[r] = perm0
            count[r] -= 1
            if count[r] > 0:
                break
            r += 1


def main():
    n = benchlib.parse_args({"scale": BENCH["scale"]})["scale"]
    benchlib.check(n in KNOWN, "scale must be between 7 and 12")
    start = benchlib.clock()
    # Twice, so the default n=9 lasts long enough; both runs must agree.
    result = fannkuch(n)
    again = fannkuch(n)
    elapsed = benchlib.clock() - start
    benchlib.check_equal(result, KNOWN[n], "(checksum, max flips)")
    benchlib.check_equal(again, result, "second run")
    benchlib.report(elapsed)


main()
