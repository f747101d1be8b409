s = {1, 2, 3}
c = s.copy()
c.add(4)
print(sorted(s), sorted(c), s.__len__(), s.__contains__(2), set.union({1}, {2}) == {1, 2})
print(sorted(set.intersection(*[{1, 2, 3}, {2, 3}, {3, 2, 9}])), sorted(set().union(*[{1}, {2}, {3}])))
print(repr(set()), repr(frozenset()), repr({1}), repr(frozenset({1})))
print(min({5, 3, 9}), max({5, 3, 9}), sum({1, 2, 3}), sorted({3, 1, 2}, reverse=True))
empty = set()
print(empty <= {1}, empty < set(), bool(empty), bool({0}))
