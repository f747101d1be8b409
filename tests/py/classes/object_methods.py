class C: pass
c = C()
print(c.__class__ is C, C.__class__ is type)
print(type(c).__name__, c.__class__.__name__)
print(object.__eq__(c, c), object.__eq__(c, 1), object.__ne__(c, 1))
print(object.__hash__(c) == hash(c))
print(c.__format__("") == str(c), format(c) == str(c))
try:
    format(c, "d")
except TypeError as e:
    print(type(e).__name__, e)
class D:
    def __init__(self): self.x = 1
d = D()
d.__class__ = C
print(type(d).__name__, d.x)
try:
    d.__class__ = int
except TypeError as e:
    print(type(e).__name__)
print(object().__str__().startswith("<object object at"))
