def init(self, v): self.v = v
Point = type("Point", (), {"__init__": init, "double": lambda self: self.v * 2, "kind": "pt"})
p = Point(21)
print(Point.__name__, p.double(), p.kind, type(p) is Point)
Sub = type("Sub", (Point,), {"kind": "sub"})
print(Sub(1).kind, Sub.__mro__[1].__name__, Sub.__module__)
print(type(5) is int, type("x").__name__, type(type).__name__)
try:
    type("X", 5, {})
except TypeError as e:
    print(type(e).__name__, e)
try:
    type("X", (), {}, 5)
except TypeError as e:
    print(type(e).__name__)
Empty = type("Empty", (object,), {})
print(Empty.__bases__[0].__name__, Empty.__qualname__)
