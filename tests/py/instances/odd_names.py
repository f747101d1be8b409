# Attribute names that are not plain interned literals: str subclasses,
# strings built at runtime (equal to, but not the same object as, a literal
# name), non-str names (TypeError), and non-str keys put into __dict__.


class C:
    def __init__(self):
        self.alpha = 1
        self.beta = 2


class Name(str):
    pass


class HashedName(str):
    def __hash__(self):
        return str.__hash__(self)

    def __eq__(self, other):
        return str.__eq__(self, other)


c = C()
runtime = "".join(["al", "pha"])
print(runtime == "alpha", getattr(c, runtime), hasattr(c, "".join("beta")))
setattr(c, "".join(["be", "ta"]), "runtime-beta")
print(c.beta, list(vars(c)))
setattr(c, "".join(["gam", "ma"]), 3)
print(c.gamma, list(vars(c)), [type(k).__name__ for k in vars(c)])
delattr(c, "".join(["al", "pha"]))
print(hasattr(c, "alpha"), list(vars(c)))

# A runtime-built name stored first, then read with a literal at a site.
def read_delta(o):
    return o.delta


objs = []
for i in range(20):
    o = C()
    setattr(o, "del" + "ta"[: 2 if i >= 0 else 0], i)
    objs.append(o)
print(sum(read_delta(o) for _ in range(200) for o in objs))

# str subclass as a name.
n = Name("alpha")
c2 = C()
print(getattr(c2, n), hasattr(c2, Name("beta")))
setattr(c2, Name("sub"), "via subclass")
print(c2.sub, list(vars(c2)))
setattr(c2, Name("alpha"), "overwritten")
print(c2.alpha, list(vars(c2)))  # key types: see str_subclass_names.py
delattr(c2, Name("beta"))
print(list(vars(c2)))
setattr(c2, HashedName("h"), 1)
print(c2.h, getattr(c2, HashedName("h")), sorted(vars(c2)))

# Non-str names.
for bad in (1, None, b"alpha", 1.5, ("t",)):
    for op in ("set", "get", "del", "has"):
        try:
            if op == "set":
                setattr(c2, bad, 1)
            elif op == "get":
                getattr(c2, bad)
            elif op == "del":
                delattr(c2, bad)
            else:
                hasattr(c2, bad)
            print(op, repr(bad), "no error")
        except TypeError as e:
            print(op, repr(bad), "TypeError:", e)
print(getattr(c2, "missing", "default") if True else None)
try:
    getattr(c2, 5, "default")
except TypeError as e:
    print("getattr default TypeError:", e)

# Non-str keys through __dict__.
c3 = C()
c3.__dict__[1] = "one"
c3.__dict__[(1, 2)] = "tuple"
c3.__dict__[None] = "none"
print(vars(c3), c3.alpha, len(vars(c3)))
c3.zeta = "after"
print(list(vars(c3)))
print(c3.__dict__[1], getattr(c3, "1", "no str '1'"))
try:
    dir(c3)
except TypeError as e:
    print("dir TypeError:", e)
del c3.__dict__[1]
del c3.__dict__[(1, 2)]
del c3.__dict__[None]
print(sorted(dir(c3))[-3:], vars(c3))

# A key that is equal to a name but of another type (a str subclass) put in
# through __dict__, then read by attribute.
c4 = C()
c4.__dict__[Name("gamma")] = "sub key"
print(c4.gamma, [type(k).__name__ for k in vars(c4)])
c4.gamma = "plain store"
print(c4.gamma, [type(k).__name__ for k in vars(c4)], vars(c4))

# Names that are not identifiers.
c5 = C()
for nm in ("with space", "", "1abc", "ünïcödé", "a-b", "x" * 200):
    setattr(c5, nm, len(nm))
print([getattr(c5, nm) for nm in ("with space", "", "1abc", "ünïcödé", "a-b", "x" * 200)])
print(len(vars(c5)), list(vars(c5))[:6])
c5.ünïcödé = "literal"
print(getattr(c5, "ünïcödé"), c5.__dict__["ünïcödé"])

# Name mangling puts the mangled name in the dict.
class Private:
    def __init__(self):
        self.__secret = 1
        self._half = 2

    def get(self):
        return self.__secret


pv = Private()
print(vars(pv), pv.get(), pv._Private__secret)
