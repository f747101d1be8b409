# copy.copy, copy.deepcopy and pickle round trips of instances with
# attributes in various states (different orders, deleted, materialised via
# vars(), replaced __dict__, many names, __slots__ + __dict__), the state in
# __reduce_ex__, __getstate__/__setstate__, and dir() listing instance names.
import copy
import pickle


class P:
    def __init__(self, order="abc"):
        for ch in order:
            setattr(self, ch, ch * 2)


def state(o):
    return list(vars(o).items())


objs = {
    "abc": P(),
    "cba": P("cba"),
    "empty": P(""),
}
d = P()
del d.b
d.b = "re-added"
objs["readd"] = d
m = P()
vars(m)["via_dict"] = 1
objs["materialised"] = m
r = P()
r.__dict__ = {"z": 1, "y": 2}
objs["replaced"] = r
w = P()
for i in range(45):
    setattr(w, f"w{i}", i)
objs["wide"] = w
nested = P()
nested.child = P("ba")
nested.items = [1, [2, 3]]
objs["nested"] = nested

for name, o in objs.items():
    c = copy.copy(o)
    dc = copy.deepcopy(o)
    print(name, state(c) == state(o), list(vars(c)) == list(vars(o)), vars(c) is not vars(o))
    print("  deep", list(vars(dc)) == list(vars(o)), len(vars(dc)))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        back = pickle.loads(pickle.dumps(o, proto))
        if type(back) is not P or list(vars(back)) != list(vars(o)):
            print("  pickle mismatch", proto, list(vars(back)))
        elif name != "nested" and state(back) != state(o):
            print("  pickle state mismatch", proto)
    st = o.__reduce_ex__(2)[2]
    print("  reduce", st if st is None else [(k, type(v).__name__) for k, v in st.items()])

# Shallow copy shares values, deep copy does not; the copies are independent.
c = copy.copy(nested)
dc = copy.deepcopy(nested)
print(c.child is nested.child, dc.child is nested.child, vars(dc.child))
c.new = 1
dc.child.a = "changed"
print(hasattr(nested, "new"), nested.child.a, list(vars(c)))
# A self-referencing instance.
selfref = P("a")
selfref.me = selfref
dsr = copy.deepcopy(selfref)
print(dsr.me is dsr, dsr is not selfref, list(vars(dsr)))
psr = pickle.loads(pickle.dumps(selfref))
print(psr.me is psr, list(vars(psr)))


class Stateful:
    def __init__(self):
        self.keep = 1
        self.drop = "secret"

    def __getstate__(self):
        st = self.__dict__.copy()
        del st["drop"]
        return st

    def __setstate__(self, st):
        self.__dict__.update(st)
        self.restored = True


s = Stateful()
s2 = pickle.loads(pickle.dumps(s))
print(vars(s2), vars(copy.copy(s)), vars(copy.deepcopy(s)))


class SD:
    __slots__ = ("a", "__dict__")


sd = SD()
sd.a = 1
sd.b = 2
for proto in (2, pickle.HIGHEST_PROTOCOL):
    back = pickle.loads(pickle.dumps(sd, proto))
    print(proto, back.a, vars(back))
cp = copy.copy(sd)
print(cp.a, vars(cp))

# dir() includes instance names (sorted with class names), also after del.
class Dirs:
    cls_attr = 0

    def meth(self):
        pass


dd = Dirs()
dd.zz = 1
dd.aa = 2
dd.__dict__["mm"] = 3
names = dir(dd)
print([n for n in names if not n.startswith("__")])
del dd.aa
print([n for n in dir(dd) if not n.startswith("__")])
dd.meth = 1
print([n for n in dir(dd) if not n.startswith("__")], "meth" in vars(dd))
# object.__dir__ and __dict__ listing on an object with many names.
big = Dirs()
for i in range(35):
    setattr(big, f"n{i:02d}", i)
print(len([n for n in dir(big) if n.startswith("n")]), dir(big)[-3:])
