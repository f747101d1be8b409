from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), Point._fields, Point._make([3, 4]))
print(p == (1, 2), isinstance(p, tuple), len(p), list(p), hash(p) == hash((1, 2)))
x, y = p
print(x, y)
P3 = namedtuple("P3", "a b c", defaults=[0, 9])
print(P3(1), P3(1, 2), P3._field_defaults)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__)
try:
    namedtuple("Bad", ["a", "a"])
except ValueError as e:
    print(type(e).__name__, e)
R = namedtuple("R", ["def", "x"], rename=True)
print(R._fields)
class Pt(namedtuple("Pt", "x y")):
    __slots__ = ()
    def norm(self): return abs(self.x) + abs(self.y)
print(Pt(-1, 2).norm(), Pt(1, 2))
