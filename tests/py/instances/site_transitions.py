# Load/store/delete sites warmed on instances of one class (200+ runs each so
# they specialise), then fed the same instances after each change that may
# move an instance's attributes to another representation: vars()/__dict__
# asked for, an attribute added out of the usual order, a deletion, __dict__
# replaced, __class__ changed, the class growing many names, a class
# attribute added/removed with the same name. Every read is checked.


class K:
    def __init__(self, i):
        self.a = i
        self.b = i * 10
        self.c = i * 100


def load_a(o):
    return o.a


def load_b(o):
    return o.b


def load_c(o):
    return o.c


def store_b(o, v):
    o.b = v


def store_new(o, v):
    o.n = v


def warm(objs):
    for _ in range(200):
        for o in objs:
            load_a(o)
            load_b(o)
            load_c(o)
            store_b(o, o.b)


def snapshot(objs):
    return [(load_a(o), load_b(o), getattr(o, "c", None), getattr(o, "n", None)) for o in objs]


objs = [K(i) for i in range(8)]
warm(objs)
print("warm", snapshot(objs)[:3])

# 1. vars() on some instances.
for o in objs[::2]:
    vars(o)
warm(objs)
for i, o in enumerate(objs):
    store_b(o, -i)
print("after vars", snapshot(objs))

# 2. Out-of-order addition: a name the class's other instances never had,
#    stored before the usual ones on a fresh instance.
odd = K.__new__(K)
odd.zz = "first"
odd.c = 3
odd.a = 1
odd.b = 2
objs.append(odd)
for _ in range(200):
    t = [load_a(o) + load_b(o) + load_c(o) for o in objs]
print("out of order", t, list(vars(odd)))

# 3. Deletion of a warmed name on some instances; the site must raise.
del objs[1].b
del objs[3].c
res = []
for o in objs[:5]:
    try:
        res.append(load_b(o))
    except AttributeError as e:
        res.append(str(e))
    try:
        res.append(load_c(o))
    except AttributeError as e:
        res.append(str(e))
print("deleted", res)
store_b(objs[1], "back")
objs[3].c = "c back"
print(list(vars(objs[1])), list(vars(objs[3])), load_b(objs[1]), load_c(objs[3]))

# 4. __dict__ replaced.
objs[4].__dict__ = {"c": "C4", "a": "A4", "b": "B4"}
objs[5].__dict__ = {"a": 5}
out = []
for o in objs[4:6]:
    out.append(load_a(o))
    try:
        out.append(load_b(o))
    except AttributeError as e:
        out.append(str(e))
print("replaced", out)
store_b(objs[5], "B5")
print(vars(objs[5]))

# 5. New attribute stored at one site on every instance, then read.
for _ in range(200):
    for k, o in enumerate(objs):
        store_new(o, k)
print("new attr", [o.n for o in objs], [list(vars(o))[-1] for o in objs])


# 6. __class__ changed to a sibling with another init order.
class K2:
    def __init__(self, i):
        self.c = i
        self.b = i
        self.a = i


k2s = [K2(i) for i in range(4)]
mixed = objs[:4] + k2s
for _ in range(200):
    s = [load_a(o) for o in mixed]
objs[0].__class__ = K2
k2s[0].__class__ = K
print("class change", [load_a(o) for o in mixed], type(objs[0]).__name__, type(k2s[0]).__name__)
store_b(k2s[0], "k2b")
print(vars(k2s[0]))

# 7. The class grows many attribute names through other instances.
for j in range(60):
    g = K(j)
    setattr(g, f"grow{j}", j)
fresh = [K(i) for i in range(4)]
for j in range(40):
    setattr(fresh[0], f"x{j}", j)
warm(fresh)
print("grown", snapshot(fresh), len(vars(fresh[0])), fresh[0].x39)

# 8. A class attribute of the same name added and removed.
K.a = "class a"
print("class attr", [load_a(o) for o in fresh], load_a(K.__new__(K)))
K.a = property(lambda self: "prop a")
print("property", [load_a(o) for o in fresh])
del K.a
print("removed", [load_a(o) for o in fresh])
try:
    load_a(K.__new__(K))
except AttributeError as e:
    print("AttributeError", e)

# 9. An instance cleared through its dict, then refilled in another order.
f = fresh[1]
vars(f).clear()
f.c, f.b, f.a = "c", "b", "a"
for _ in range(200):
    r = (load_a(f), load_b(f), load_c(f))
print("refilled", r, list(vars(f)))
