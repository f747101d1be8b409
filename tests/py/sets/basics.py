s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s), 2 in s, 9 not in s)
s.discard(9); s.discard(1); s.remove(2)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
print(s.pop() in {3, 4}, len(s))
s.clear()
print(s, set(), set("aab") == {"a", "b"}, set([1, 2, 2]), set(range(3)))
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {[1]}
except TypeError as e:
    print(type(e).__name__)
print(type({}).__name__, type({1}).__name__, {1, 2} == {2, 1}, {1} == frozenset({1}))
