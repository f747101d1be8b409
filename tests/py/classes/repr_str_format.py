class P:
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x!r}, {self.y!r})"
    def __str__(self): return f"({self.x}, {self.y})"
    def __format__(self, spec):
        if spec == "polar":
            return "polar!"
        return format(str(self), spec)
p = P(1, "a")
print(p, repr(p), str(p), [p], {"k": p})
print(f"{p}", f"{p!r}", f"{p!s}", f"{p:polar}", f"{p:>12}|")
print("%s %r" % (p, p), format(p, "<10") + "|")
class OnlyRepr:
    def __repr__(self): return "R"
print(str(OnlyRepr()), f"{OnlyRepr()}", format(OnlyRepr()))
class NoFormat: pass
try:
    format(NoFormat(), "x")
except TypeError as e:
    print(type(e).__name__, e)
class BadRepr:
    def __repr__(self): return 5
try:
    repr(BadRepr())
except TypeError as e:
    print(type(e).__name__, e)
class BadStr:
    def __str__(self): return None
try:
    str(BadStr())
except TypeError as e:
    print(type(e).__name__, e)
