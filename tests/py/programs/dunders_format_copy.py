import copy, math, operator, fractions, decimal

class Money:
    def __init__(self, cents, cur="EUR"):
        self.cents, self.cur = cents, cur
    def __format__(self, spec):
        if spec.endswith("c"):
            return f"{self.cents}c"
        amt = self.cents / 100
        return f"{amt:{spec or '.2f'}} {self.cur}"
    def __round__(self, nd=None):
        if nd is None:
            return round(self.cents / 100)
        return Money(round(self.cents, nd - 2 if nd < 2 else 0), self.cur)
    def __repr__(self):
        return f"Money({self.cents}, {self.cur!r})"
    def __trunc__(self): return self.cents // 100
    def __floor__(self): return math.floor(self.cents / 100)
    def __ceil__(self): return math.ceil(self.cents / 100)

class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v

m = Money(12345)
print(f"{m}", f"{m:>12.1f}", f"{m:c}", format(m, ",.3f"), "{:.0f}".format(m), "%s" % m)
print(round(m), round(m, 1), round(m, 3), math.trunc(m), math.floor(m), math.ceil(m))
L = list(range(10))
print(L[Idx(3)], L[Idx(1):Idx(7):Idx(2)], bin(Idx(5)), hex(Idx(255)), oct(Idx(8)), operator.index(Idx(7)))
print(range(Idx(2), Idx(9))[Idx(1)], "ab" * Idx(3), [0] * Idx(2), bytes(Idx(3)), int.__index__(5))
print(math.comb(Idx(5), Idx(2)), math.factorial(Idx(4)), chr(Idx(65)), format(Idx(10) if False else 10, "b"))
try:
    L[Money(1)]
except TypeError as e:
    print("TE", e)
try:
    round(object())
except TypeError as e:
    print("TE", e)
try:
    format(object(), "d")
except TypeError as e:
    print("TE", e)
try:
    f"{m!r:>5}"
    print(f"{m!r:>20}")
except TypeError as e:
    print("TE", e)
print(round(2.675, 2), round(0.5), round(1.5), round(-0.5), round(2.5, 0), round(1234.5678, -2), round(15, -1), round(25, -1))
print(round(fractions.Fraction(7, 2)), round(fractions.Fraction(5, 2)), round(decimal.Decimal("2.675"), 2), round(decimal.Decimal("2.5")))
print(format(1234567.891, ","), format(1234567.891, "_.2f"), format(0.000012345, ".3g"), format(1e16, "g"), format(123, "+08d"))
print(format(-0.0, ".1f"), format(float("nan"), "+.2f"), format(float("-inf"), "010.1f"), format(1.5, "%"), format(0.25, ".0%"))
print(f"{'x':*^9}", f"{3.14159:=+10.3f}", f"{42:#x} {42:#o} {42:#b} {42:X}", f"{1_000_000:,d}", f"{255:08b}")
print(f"{'abc':.2}", f"{'abc':>5.1}", f"{12:{'>'}{6}}", f"{3.0:n}", f"{10**20:e}", f"{1/3:.15}")
print("{0[1]} {0[a]!r} {1.real}".format({1: "one", "a": "A"}, 3+4j), "{:{w}.{p}f}".format(3.14159, w=10, p=2))
print("%5.2f|%-6d|%+i|%x|%o|%e|%c|%r|%%|%05.1f" % (3.14159, 42, 7, 255, 8, 12345.678, 65, "s", -2.5))
print("%(a)s-%(b)04d" % {"a": "A", "b": 9}, "%.3s" % "abcdef", "%*d|%-*d|" % (5, 1, 4, 2), "%#x %#o" % (255, 8))
for bad in ["%d" % 3.7, ]:
    print(bad)
for expr in ['"%d" % "x"', '"%s %s" % (1,)', '"%(k)s" % (1,)', '"{0}{}".format(1, 2)', '"{:d}".format(1.5)',
             'format(1, "xx")', '"%z" % 1', '"{!x}".format(1)', 'f"{1:{2}{3}{4}}"', '"%c" % 1114112']:
    try:
        print(eval(expr))
    except (TypeError, ValueError, KeyError, IndexError, OverflowError) as e:
        print(type(e).__name__, e)

class Node:
    def __init__(self, name):
        self.name, self.children, self.parent, self.cache = name, [], None, {"big": list(range(3))}
    def add(self, c):
        c.parent = self; self.children.append(c); return c
    def __deepcopy__(self, memo):
        print("deepcopy", self.name)
        new = Node.__new__(Node)
        memo[id(self)] = new
        new.name = self.name + "'"
        new.children = copy.deepcopy(self.children, memo)
        new.parent = copy.deepcopy(self.parent, memo)
        new.cache = {}
        return new
    def __copy__(self):
        print("copy", self.name)
        new = Node(self.name + "*")
        new.children = self.children
        return new
root = Node("root"); a = root.add(Node("a")); b = a.add(Node("b"))
r2 = copy.deepcopy(root)
print(r2.name, [c.name for c in r2.children], r2.children[0].parent is r2, r2.children[0].children[0].parent is r2.children[0], r2.cache)
s = copy.copy(root)
print(s.name, s.children is root.children)
class Plain:
    def __init__(self): self.x = [1, [2, 3]]; self.me = self
p = Plain(); q = copy.deepcopy(p)
print(q.me is q, q.x == p.x, q.x[1] is p.x[1])
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a = [1]
z = copy.deepcopy(Slotted())
print(z.a, hasattr(z, "b"))
class WithReduce:
    def __init__(self, v): self.v = v
    def __reduce__(self): return (WithReduce, (self.v * 2,))
print(copy.copy(WithReduce(2)).v, copy.deepcopy(WithReduce(3)).v)
class GetState:
    def __init__(self): self.a = 1; self.secret = "s"
    def __getstate__(self): return {"a": self.a}
    def __setstate__(self, st): self.__dict__.update(st); self.restored = True
g = copy.deepcopy(GetState())
print(vars(g))
d = {"k": [1, 2]}; d["self"] = d
d2 = copy.deepcopy(d)
print(d2["self"] is d2, d2["k"] is not d["k"])
import types
print(copy.deepcopy(types.SimpleNamespace(a=[1])), copy.copy(range(3)), copy.deepcopy((1, [2])))
