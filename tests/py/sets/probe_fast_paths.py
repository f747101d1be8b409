# Set lookups with small-int keys skip __eq__ when the key is found by
# identity; these check the cases where equal hashes still need a comparison.
import sys

s = {-1, -2}  # hash(-1) == hash(-2) == -2
print(-1 in s, -2 in s, -3 in s, len(s))
s.remove(-1)
print(-1 in s, -2 in s, s)
s.add(-1)
print(sorted(s))

# Equal numbers of other types: 3.0 == 3 and they share a hash.
s = {3.0, 2**61 - 1, 2**61, -(2**61 - 1), 2**62, -(2**62)}
print(3 in s, 3.0 in s, 0 in s, 2**61 - 1 in s, 2**61 in s, 1 in s, 2**62 in s, -(2**62) in s)
s.add(3)
print(len(s), 3 in s)
s.discard(3)
print(3.0 in s, len(s))
print(hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**62), hash(-1), hash(-2))
print({2**61: 'a'}.get(1), (2**61) in {1}, 1 in {2**61})

# True == 1 and False == 0.
s = {1, 0}
print(True in s, False in s, 1.0 in s)
s = {True}
print(1 in s, 2 in s)

# Keys whose __eq__ is called: counts show when it runs.
class K:
    calls = 0
    def __init__(self, h):
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        K.calls += 1
        return isinstance(other, K) and other.h == self.h

a, b = K(5), K(5)
s = {a}
print(b in s, K.calls)
print(a in s, K.calls)
s.add(b)
print(len(s), K.calls)
print(5 in s, K.calls)

# A key that changes the set from __eq__: the lookup restarts.
class Mutator:
    def __init__(self, target):
        self.target = target
    def __hash__(self):
        return 7
    def __eq__(self, other):
        self.target.clear()
        return False

t = set()
t.add(Mutator(t))
print(Mutator(t) in t, len(t))

# Unhashable keys, and a set looked up as a frozenset.
for op in ("in", "add", "remove", "discard"):
    try:
        if op == "in":
            [] in {1}
        else:
            getattr({1}, op)([])
    except TypeError as e:
        print(op, e)
fs = {frozenset({1, 2}), 3}
print({1, 2} in fs, {1} in fs, {2, 1} in fs)
fs.remove({2, 1})
print(fs)
try:
    {1, 2} in {1: 2}
except TypeError as e:
    print(e)

# Many adds and removes: deleted slots are reused and the table is rebuilt.
s = set()
for i in range(1000):
    s.add(i)
    if i % 3 == 1:
        s.remove(i)
    elif i % 3 == 2:
        s.remove(i - 2)
print(len(s), sum(s), list(s)[:10])
for r in range(20):
    for c in range(-10, 10):
        s.add(c * 7 + r)
    for c in range(-10, 10):
        s.discard(c * 7 + r)
print(len(s), sum(s))

# Membership in dict and frozenset through the same opcode.
d = {1: 'a', 'x': 2, (1, 2): 3}
print(1 in d, 'x' in d, (1, 2) in d, 2 in d, 'y' not in d)
try:
    [] in d
except TypeError as e:
    print(e)
print(2 in frozenset([1, 2]), 3 not in frozenset([1, 2]))

class SubSet(set):
    def __contains__(self, x):
        return x == 'magic'
print('magic' in SubSet(), 1 in SubSet([1]))
class SubDict(dict):
    def __contains__(self, x):
        return True
print(42 in SubDict())
