# CALL_LIST_APPEND: lst.append(x) on an exact list, and what must not take it.

def add(lst, x):
    lst.append(x)
    return lst

a = []
for i in range(200):
    add(a, i)
print(len(a), a[:3], a[-1], sum(a))

class Logged(list):
    def append(self, x):
        list.append(self, ("logged", x))

class Plain(list):
    pass

class Duck:
    def __init__(self):
        self.got = []
    def append(self, x):
        self.got.append(x)

print(add(Logged(), 1), add(Logged([0]), 2))
p = add(Plain([9]), 3)
print(type(p).__name__, p)
d = add(Duck(), 4)
print(d.got)
import collections
print(add(collections.deque([1]), 5))
for i in range(50):
    add(a, i)  # warm again after the misses
print(len(a), a[-1])

# Self-reference and items with finalizers.
b = []
add(b, b)
print(b, b[0] is b)

class Fin:
    def __del__(self):
        print("Fin collected")
c = []
add(c, Fin())
del c
print("after del")

# Argument errors keep CPython's messages.
for call in (lambda: a.append(), lambda: a.append(1, 2), lambda: a.append(x=1),
             lambda: list.append(a), lambda: list.append(1, 2), lambda: list.append()):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# The method loaded as a bound method or from the class.
ap = a.append
for i in range(3):
    ap(-i)
for i in range(3):
    list.append(a, i * 10)
print(a[-6:])

# A name rebound from a list to something else between calls.
def rebind(n):
    out = []
    for i in range(n):
        target = out if i % 2 else Duck()
        target.append(i)
    return out
print(rebind(20))
