# Dicts whose first table is allocated with them (instance __dict__s sized
# from the class's history, dict displays sized from their items): growth
# past that table, deletion, clear, replacement, copies, iteration errors,
# and cycles through such dicts.
import gc


def make_class(n):
    names = ["a%d" % i for i in range(n)]

    def __init__(self, *args):
        for name, value in zip(names, args):
            setattr(self, name, value)

    return type("C%d" % n, (), {"__init__": __init__})


for n in range(0, 13):
    C = make_class(n)
    objs = [C(*range(k, k + n)) for k in range(4)]
    print(n, [sorted(vars(o).items()) == [("a%d" % i, k + i) for i in range(n)] for k, o in enumerate(objs)].count(True))
    o = objs[0]
    # Grow past what the class has seen, in reverse order, then shrink.
    for i in range(n + 6, n - 1, -1):
        setattr(o, "b%d" % i, i)
    print(" grown", list(vars(o))[-3:], len(vars(o)))
    for i in range(n + 6, n - 1, -2):
        delattr(o, "b%d" % i)
    print(" shrunk", len(vars(o)), hasattr(o, "b%d" % n), getattr(o, "b%d" % (n + 1), None))
    vars(o).clear()
    o.z = n
    print(" cleared", vars(o))
    # A new instance after the class saw a big dict.
    p = C(*range(n))
    p.extra = "x"
    print(" next", len(vars(p)), p.extra)
    p.__dict__ = {"only": 1}
    print(" replaced", vars(p), getattr(p, "a0", "gone"))

# Classes whose attribute count varies between instances.
class V:
    def __init__(self, n):
        for i in range(n):
            setattr(self, "v%d" % i, i * i)

vs = [V(n) for n in (1, 8, 2, 12, 0, 3, 5)]
print([len(vars(v)) for v in vs], [getattr(v, "v1", None) for v in vs])

# Dict displays of every size up to past two inline tables, with duplicates.
for n in range(0, 14):
    src = ", ".join("%d: %d" % (i % max(1, n - 1), i) for i in range(n))
    d = eval("{" + src + "}")
    d2 = d.copy()
    d2[100] = 1
    print(n, d, len(d2), d == eval("{" + src + "}"))

# Mutation during iteration raises as in CPython.
def grow(d):
    for k in d:
        d[k + 100] = 0

def swap():
    e = {1: 1, 2: 2}
    for k in e:
        del e[k]
        e[k + 10] = 0

for f, args in ((grow, ({1: 1},)), (grow, ({1: 1, 2: 2, 3: 3, 4: 4, 5: 5},)), (swap, ())):
    try:
        f(*args)
        print("no error")
    except RuntimeError as e:
        print("RuntimeError:", e)

d = {"x": 1, "y": 2, "z": 3}
print(d.popitem(), d.pop("x"), d, d.setdefault("w", 4), d)
d.clear()
d.update(a=1, b=2)
print(d)

# Cycles through instance dicts are collected.
class Node:
    def __init__(self):
        self.me = self
        self.other = None

gc.collect()
for _ in range(200):
    a, b = Node(), Node()
    a.other, b.other = b, a
del a, b
print("collected", gc.collect() >= 400)
