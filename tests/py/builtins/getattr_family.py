class C:
    x = 1
    def __init__(self): self.y = 2
c = C()
print(getattr(c, "x"), getattr(c, "y"), getattr(c, "z", "dflt"), hasattr(c, "y"), hasattr(c, "nope"))
setattr(c, "z", 3)
print(c.z, vars(c))
delattr(c, "z")
print(hasattr(c, "z"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    getattr(c, 5)
except TypeError as e:
    print(type(e).__name__, e)
setattr(c, "weird name", 1)
print(getattr(c, "weird name"), "weird name" in vars(c))
class Boom:
    @property
    def p(self): raise ValueError("not attr error")
try:
    hasattr(Boom(), "p")
except ValueError as e:
    print("hasattr propagates", e)
print(getattr(1, "real"), getattr("s", "upper")(), getattr(C, "x"))
