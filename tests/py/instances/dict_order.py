# Insertion order of an instance's attributes (vars(obj), obj.__dict__) when
# instances of one class store their attributes in different orders, skip
# some, delete and re-add them; and the error paths of del/delattr/getattr.


class Point:
    def __init__(self, order, skip=()):
        for name in order:
            if name not in skip:
                setattr(self, name, name.upper())


def show(tag, o):
    print(tag, list(vars(o)), list(o.__dict__.items()), len(vars(o)))


show("abc", Point("abc"))
show("cba", Point("cba"))
show("bac", Point("bac"))
show("ab-c", Point("abc", skip="b"))
show("none", Point(""))
show("abc again", Point("abc"))


class Cond:
    def __init__(self, i):
        self.base = i
        if i % 2:
            self.odd = True
        if i % 3 == 0:
            self.three = i // 3
        self.last = -i


for i in range(7):
    c = Cond(i)
    print(i, vars(c), hasattr(c, "odd"), getattr(c, "three", "no-three"))

# Attribute order from straight-line code vs methods that fill in later.
class Lazy:
    def __init__(self):
        self.a = 1
        self.b = 2

    def fill(self):
        self.c = 3
        self.a = 10  # overwrite keeps the position


l1, l2 = Lazy(), Lazy()
l1.fill()
l2.z = 0
l2.fill()
print(vars(l1), vars(l2))

# Delete then re-add: the name moves to the end.
p = Point("abcd")
del p.b
print(list(vars(p)), hasattr(p, "b"))
p.b = "again"
print(list(vars(p)), p.b)
delattr(p, "a")
p.e = 5
p.a = "A2"
print(list(vars(p)), p.a, p.e)
# Delete every attribute, then add in a new order.
for name in list(vars(p)):
    delattr(p, name)
print(vars(p), p.__dict__ == {})
p.d = 4
p.a = 1
print(vars(p))

# Deleting a missing attribute, twice, and via delattr.
q = Point("ab")
del q.a
for action in (lambda: delattr(q, "a"), lambda: delattr(q, "zz")):
    try:
        action()
    except AttributeError as e:
        print("AttributeError:", e)
try:
    del q.a
except AttributeError as e:
    print("AttributeError:", e)
try:
    q.a
except AttributeError as e:
    print("AttributeError:", e)
print(vars(q))

# getattr with a default, hasattr, on present / absent / deleted names.
r = Point("xyz")
del r.y
for name in ("x", "y", "z", "w"):
    print(name, hasattr(r, name), getattr(r, name, None), getattr(r, name, "dflt"))
try:
    getattr(r, "y")
except AttributeError as e:
    print("AttributeError:", e)

# Storing the same value, None, and the object itself.
s = Point("")
s.n = None
s.me = s
s.n = None
print(list(vars(s)), s.me is s, s.n)
del s.me

# Many instances, mixed orders, each checked against its own recipe.
import itertools
recipes = ["".join(t) for t in itertools.permutations("abcd")]
objs = [Point(r) for r in recipes]
bad = 0
for r, o in zip(recipes, objs):
    if "".join(vars(o)) != r:
        bad += 1
    for ch in r:
        if getattr(o, ch) != ch.upper():
            bad += 1
print("permutations", len(objs), "bad", bad)
# Same after deleting the first attribute of each and re-adding it.
for r, o in zip(recipes, objs):
    delattr(o, r[0])
    setattr(o, r[0], r[0] * 2)
print(["".join(vars(o)) for o in objs[:6]], objs[0].a, objs[-1].d)
