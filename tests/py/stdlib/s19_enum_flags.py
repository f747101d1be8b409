# enum in application code: Flag permissions, IntEnum codes, StrEnum,
# auto, unique, aliases, functional API, iteration and membership.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
    ALL = R | W | X


print(list(Perm), Perm.R | Perm.X, Perm.ALL, Perm.RW & Perm.W, ~Perm.R, Perm(0))
print(Perm.W in Perm.RW, bool(Perm(0)), Perm(6), repr(Perm(5)), len(Perm.ALL))
print([p.name for p in Perm.ALL], Perm.RW.value, Perm["X"])
try:
    Perm(8)
except ValueError as e:
    print("ValueError:", e)


class Status(IntEnum):
    OK = 200
    CREATED = 201
    NOT_FOUND = 404
    MISSING = 404


print(Status.MISSING is Status.NOT_FOUND, Status(404), Status.OK + 1, Status.OK < 300, int(Status.CREATED))
print(list(Status), Status.__members__.keys(), f"{Status.OK}", str(Status.OK), format(Status.OK, ">6"))
try:
    Status(500)
except ValueError as e:
    print("ValueError:", e)


class Mode(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


print(Mode.READ | Mode.WRITE, Mode(7), Mode(9), Mode.READ | 8, Mode.READ + 1, repr(Mode(3)))


class Color(StrEnum):
    RED = auto()
    GREEN = auto()


print(Color.RED, repr(Color.GREEN), Color.RED == "red", Color("green"), "x" + Color.RED, Color.RED.upper())

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print(round(Planet.EARTH.gravity, 3), Planet.MERCURY.value, Planet((5.976e+24, 6.37814e6)))


class Ordered(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower() * 2

    ALPHA = auto()
    BETA = auto()


print(list(Ordered), Ordered.BETA.value)

Animal = Enum("Animal", "ANT BEE CAT")
Shape = Enum("Shape", [("SQUARE", 4), ("TRI", 3)])
print(list(Animal), Animal.BEE.value, Shape(3), Shape.SQUARE.name, Animal.__qualname__)


class Weekday(Enum):
    MON = 1
    TUE = 2

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            for m in cls:
                if m.name == value.upper():
                    return m
        return None

    def __str__(self):
        return self.name.title()


print(Weekday("tue"), Weekday(1), repr(Weekday.MON))
try:
    Weekday("fri")
except ValueError as e:
    print("ValueError:", e)
try:
    Weekday.MON = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    class Sub(Weekday):
        WED = 3
except TypeError as e:
    print("TypeError:", e)
print(Weekday.MON in Weekday, isinstance(Weekday.MON, Weekday), hash(Weekday.MON) == hash(Weekday.MON))
print(dir(Weekday.MON)[:6], sorted(Weekday.__members__))
print(enum.Enum.__dict__.get("__doc__", "")[:20] if False else type(Weekday), type(Perm.R))
d = {Weekday.MON: "start", Weekday.TUE: "second"}
print(d[Weekday(2)], Perm.R.__class__.__name__, Status.OK.name, Status.OK.value)


class Shade(Enum):
    _ignore_ = ["i"]
    LIGHT = 1
    DARK = 2


print(list(Shade), enum.nonmember if hasattr(enum, "nonmember") else None)
print(Perm.R._value_, Perm._member_map_.keys())
