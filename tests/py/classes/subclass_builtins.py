class MyList(list):
    def sum(self): return sum(self)
l = MyList([1, 2, 3])
l.append(4)
print(l, l.sum(), type(l).__name__, type(l + [5]).__name__, len(l))
class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = len(key)
        return self[key]
d = DefaultDict()
print(d["abc"], d, d.get("zz"))
class Money(int):
    def __repr__(self): return f"${int(self)}"
m = Money(5)
print(repr(m), m + 1, type(m + 1).__name__, repr(Money(7)))
class Name(str):
    def shout(self): return self.upper() + "!"
print(Name("bob").shout(), Name("x") == "x", isinstance(Name(""), str))
class Pair(tuple):
    def __new__(cls, a, b): return super().__new__(cls, (a, b))
    @property
    def first(self): return self[0]
print(Pair(1, 2), Pair(1, 2).first, Pair(1, 2) == (1, 2))
class CountingDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
cd = CountingDict()
cd["a"] = 1
cd.update(b=2)
print(cd)
