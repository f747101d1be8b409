f = frozenset([1, 2, 3])
print(sorted(f), hash(f) == hash(frozenset([3, 2, 1])), f == {1, 2, 3}, hash(frozenset()) == hash(frozenset()))
d = {f: "v", frozenset(): "empty"}
print(d[frozenset({2, 3, 1})], d[frozenset()])
s = {frozenset({1}), frozenset({1}), frozenset({2})}
print(len(s))
try:
    f.add(4)
except AttributeError as e:
    print(type(e).__name__)
print(frozenset("aab") == frozenset("ab"), len(frozenset(range(100))), frozenset({1}) in {frozenset({1})})
nested = frozenset([frozenset([1, 2]), frozenset([3])])
print(sorted(sorted(x) for x in nested), {1, 2} in {frozenset({1, 2})} if False else frozenset({1, 2}) in nested)
print({1, 2} == frozenset({1, 2}), frozenset() == set())
