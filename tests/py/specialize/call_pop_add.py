# CALL_LIST_POP (lst.pop() on an exact list) and CALL_SET_ADD (s.add(x) on an
# exact set), and what must not take them.

def pop(lst):
    return lst.pop()

def add(s, x):
    s.add(x)
    return s

a = list(range(300))
total = 0
for _ in range(250):
    total += pop(a)
print(total, len(a), a)

s = set()
for i in range(300):
    add(s, i % 97)
print(len(s), sum(s))

class Stack(list):
    def pop(self):
        return ("Stack.pop", list.pop(self))

class Plain(list):
    pass

class Tagged(set):
    def add(self, x):
        set.add(self, ("tag", x))

class Counter:
    def __init__(self):
        self.n = 0
    def pop(self):
        self.n += 1
        return self.n
    def add(self, x):
        self.n += x

print(pop(Stack([1, 2])), pop(Plain([3, 4])), pop(Counter()))
print(add(Tagged(), 1), sorted(add({"a"}, "b")))
c = Counter()
add(c, 41)
print(c.n)
import collections
print(pop(collections.deque([8, 9])))
print(add(dict.fromkeys([1]).keys() | {2}, 3))
for _ in range(50):
    pop([1])
    add(set(), 1)

# Errors: empty list, unhashable item, argument count and keywords.
for f in (lambda: pop([]), lambda: add(set(), []), lambda: add(set(), {1}),
          lambda: [1].pop(0, 1), lambda: [1].pop(x=0), lambda: {1}.add(),
          lambda: {1}.add(1, 2), lambda: {1}.add(x=1), lambda: [].pop("0"),
          lambda: add(frozenset(), 1)):
    try:
        f()
    except (TypeError, IndexError, AttributeError) as e:
        print(type(e).__name__, e)

# Items with finalizers leave the list with pop; set.add of an item
# already present keeps the first one.
class Fin:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("collected", self.name)
lst = [Fin("x")]
pop(lst)
print("popped")
one, other = 1.0, 1
t = add(set(), one)
add(t, other)
print(t, type(next(iter(t))).__name__)

# Keys whose __hash__ or __eq__ raise.
class BadHash:
    def __hash__(self):
        raise ValueError("no hash")
class BadEq:
    def __hash__(self):
        return 1
    def __eq__(self, other):
        raise ValueError("no eq")
for k in (BadHash(), BadEq()):
    try:
        add({BadEq()}, k)
    except ValueError as e:
        print("ValueError", e)
