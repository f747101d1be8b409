# Instances with many attributes (5, 29..33, 40, 100, 300 names), stored with
# setattr in generated orders, read back with getattr, plain attribute syntax
# and vars(); deletion and re-adding among many; several classes whose
# instances cross the size at which a per-class key table might give up.


class Bag:
    pass


def fill(o, names, base=0):
    for i, n in enumerate(names):
        setattr(o, n, base + i)


def check(o, names, base=0):
    bad = [n for i, n in enumerate(names) if getattr(o, n) != base + i]
    return len(bad), list(vars(o)) == list(names), len(vars(o))


for count in (5, 29, 30, 31, 32, 33, 40, 100, 300):
    names = [f"attr_{i}" for i in range(count)]
    o = Bag()
    fill(o, names)
    print(count, check(o, names), list(vars(o))[-2:], sum(vars(o).values()))
    # Reverse order on a second instance of the same class.
    o2 = Bag()
    fill(o2, names[::-1], base=1000)
    print(" rev", check(o2, names[::-1], base=1000), list(vars(o2))[:2])
    # The first instance still reads correctly after the second.
    print(" again", check(o, names))

# A class that grows past many names over many instances: each instance adds
# its own handful of fresh names plus some shared ones.
class Grow:
    def __init__(self, i):
        self.shared0 = i
        setattr(self, f"own_{i}_a", i)
        self.shared1 = -i
        setattr(self, f"own_{i}_b", i * 2)


gs = [Grow(i) for i in range(60)]
bad = 0
for i, g in enumerate(gs):
    if list(vars(g)) != ["shared0", f"own_{i}_a", "shared1", f"own_{i}_b"]:
        bad += 1
    if (g.shared0, g.shared1, getattr(g, f"own_{i}_a"), getattr(g, f"own_{i}_b")) != (i, -i, i, 2 * i):
        bad += 1
    if hasattr(g, f"own_{i + 1}_a"):
        bad += 1
print("grow bad", bad, vars(gs[0]), vars(gs[59]))

# Plain attribute syntax at fixed sites on instances with 40 attributes.
class Wide:
    def __init__(self, k):
        for i in range(40):
            setattr(self, f"f{i}", i * k)
        self.tail = k


def read_fixed(w):
    return w.f0 + w.f1 + w.f20 + w.f31 + w.f39 + w.tail


total = 0
ws = [Wide(k) for k in range(1, 11)]
for _ in range(50):
    for w in ws:
        total += read_fixed(w)
print("wide total", total)

# Delete half of 100 attributes, re-add some, check order and values.
names = [f"n{i:03d}" for i in range(100)]
b = Bag()
fill(b, names)
for n in names[::2]:
    delattr(b, n)
print(len(vars(b)), list(vars(b))[:3], list(vars(b))[-2:])
for n in names[:10:2]:
    setattr(b, n, n)
print(len(vars(b)), list(vars(b))[-5:], b.n000, b.n099, b.n001)
print(sum(v for v in vars(b).values() if isinstance(v, int)))

# Same names, different counts per instance (prefix lengths).
names = [f"p{i}" for i in range(45)]
objs = []
for k in range(0, 46, 5):
    o = Bag()
    fill(o, names[:k])
    objs.append(o)
print([len(vars(o)) for o in objs])
print([getattr(o, "p29", None) for o in objs])
print([getattr(o, "p44", None) for o in objs])
# Add one name out of order to the biggest, then read all.
objs[-1].p0b = "x"
print(list(vars(objs[-1]))[-3:], objs[-1].p0, objs[-1].p44, objs[-1].p0b)

# vars() on a wide object then keep adding.
v = Bag()
fill(v, [f"q{i}" for i in range(35)])
dv = vars(v)
for i in range(35, 70):
    setattr(v, f"q{i}", i)
print(dv is vars(v), len(dv), v.q69, dv["q50"])
