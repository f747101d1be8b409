a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b, {4})), sorted(a.difference([1], (2,))), sorted(a.symmetric_difference([1, 9])))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a > a, a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint({7, 8}))
c = set(a)
c |= {10}; c &= {1, 2, 10}; c -= {1}; c ^= {2, 3}
print(sorted(c))
c.update([7], "x"); c.intersection_update({7, "x", 3}); c.difference_update({3}); c.symmetric_difference_update({7, 8})
print(sorted(c, key=str))
try:
    a | [1]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted(a | frozenset({0})), type(frozenset({1}) | {2}).__name__, type({2} | frozenset({1})).__name__)
