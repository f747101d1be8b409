from dataclasses import dataclass, field, asdict, astuple, fields, replace
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
p = Point(1)
print(p, p == Point(1, 0, []), p != Point(2))
p.tags.append("t")
print(Point(1).tags, asdict(p), astuple(p), [f.name for f in fields(p)], replace(p, y=5))
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False, repr=False)
vs = sorted([Version(1, 2), Version(1, 0, "x"), Version(0, 9)])
print(vs, Version(1) == Version(1, 0, "other"), hash(Version(1)) == hash(Version(1, 0)))
try:
    vs[0].major = 5
except Exception as e:
    print(type(e).__name__, e)
try:
    Point()
except TypeError as e:
    print(type(e).__name__, e)
try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print(type(e).__name__, "non-default argument" in str(e))
@dataclass
class WithPost:
    a: int
    b: int = field(init=False)
    def __post_init__(self):
        self.b = self.a * 2
print(WithPost(4))
