class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        if isinstance(o, Num):
            return Num(self.v + o.v)
        if isinstance(o, int):
            return Num(self.v + o)
        return NotImplemented
    __radd__ = __add__
    def __repr__(self): return f"Num({self.v})"
print(Num(1) + 2, 2 + Num(1), Num(1) + Num(2), sum([Num(1), Num(2)]))
class Str(str):
    def __add__(self, o): return "Str.__add__"
    def __radd__(self, o): return "Str.__radd__"
print("plain" + Str("s"), Str("s") + "plain")
class MyInt(int):
    def __radd__(self, o): return "MyInt.__radd__"
    def __rsub__(self, o): return "MyInt.__rsub__"
print(1 + MyInt(2), 5 - MyInt(1), MyInt(2) + 1)
class Same:
    def __radd__(self, o): return "radd"
try:
    Same() + Same()
except TypeError as e:
    print(type(e).__name__, e)
