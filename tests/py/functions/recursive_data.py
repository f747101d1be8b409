def tree_sum(t):
    if isinstance(t, int):
        return t
    return sum(tree_sum(c) for c in t)
print(tree_sum([1, [2, 3], [[4], 5]]))
def count_paths(r, c, memo={}):
    if (r, c) in memo:
        return memo[(r, c)]
    if r == 0 or c == 0:
        return 1
    memo[(r, c)] = count_paths(r - 1, c) + count_paths(r, c - 1)
    return memo[(r, c)]
print(count_paths(16, 16))
def gcd(a, b):
    return a if b == 0 else gcd(b, a % b)
print(gcd(1071, 462), gcd(2**40, 6**20))
def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(power_set([1, 2, 3]))
def binsearch(a, x, lo=0, hi=None):
    hi = len(a) if hi is None else hi
    if lo >= hi:
        return -1
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    return binsearch(a, x, mid + 1, hi) if a[mid] < x else binsearch(a, x, lo, mid)
print([binsearch(list(range(0, 100, 3)), v) for v in (0, 3, 4, 99, 98)])
