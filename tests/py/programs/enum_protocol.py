"""Protocol decoder built around enums: functional API, _missing_, tuple values, Flag boundaries, pickling."""
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, EnumMeta
import pickle
import copy


class Opcode(IntEnum):
    NOP = 0x00
    PUSH = 0x01
    POP = 0x02
    ADD = 0x10
    SUB = 0x11
    JMP = 0x20
    HALT = 0xFF

    @classmethod
    def _missing_(cls, value):
        if isinstance(value, str):
            try:
                return cls[value.upper()]
            except KeyError:
                pass
        return None

    @property
    def is_arith(self):
        return 0x10 <= self < 0x20


class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    JUPITER = (1.9e+27, 7.1492e7)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


class Ordinal(Enum):
    def _generate_next_value_(name, start, count, last_values):
        return f"{name.lower()}#{count}"

    FIRST = auto()
    SECOND = auto()
    THIRD = auto()


class Color(Enum):
    RED = 1
    CRIMSON = 1
    GREEN = 2
    BLUE = 3
    _ignore_ = ["tmp"]
    tmp = 99

    def describe(self):
        return f"{self.name}={self.value}"

    def __str__(self):
        return self.name.title()


class Status(Flag, boundary=enum.STRICT):
    OK = 1
    WARN = 2
    ERR = 4


class Loose(Flag, boundary=enum.CONFORM):
    A = 1
    B = 2


class Keep(IntFlag, boundary=enum.KEEP):
    X = 1
    Y = 2


class Eject(Flag, boundary=enum.EJECT):
    P = 1
    Q = 2


class Perm(IntFlag):
    R = 4
    W = 2
    X = 1
    NONE = 0
    ALL = 7


Animal = Enum("Animal", "ANT BEE CAT")
Shape = Enum("Shape", [("SQUARE", 4), ("TRIANGLE", 3)], module=__name__)
Level = IntEnum("Level", {"LOW": 10, "HIGH": 20})
Auto5 = Enum("Auto5", "A B C", start=5)

program = [0x01, 5, 0x01, 7, 0x10, "sub", 0x20, 0x42, 0xFF]
i = 0
while i < len(program):
    try:
        op = Opcode(program[i])
    except ValueError as e:
        print("decode error:", e)
        i += 1
        continue
    arg = None
    if op in (Opcode.PUSH, Opcode.JMP):
        i += 1
        arg = program[i]
    print(f"{i:02d} {op.name:<5} {op!r} {op.value:#04x} arith={op.is_arith} arg={arg}")
    i += 1

for p in Planet:
    print(p, p.value, f"{p.gravity:.2f}", p.mass)
print(list(Ordinal), Ordinal.SECOND.value)
print(list(Color), Color.CRIMSON is Color.RED, Color(1), Color["CRIMSON"], Color.__members__.keys(), len(Color))
print(str(Color.GREEN), repr(Color.GREEN), f"{Color.BLUE}", format(Color.BLUE, ">8"), Color.BLUE.describe())
print(hasattr(Color, "tmp"), Color.RED.__class__.__name__, type(Color), isinstance(Color, EnumMeta))
print(list(Animal), Animal.BEE.value, list(Shape), Shape.SQUARE.value, Level.HIGH + 1, repr(Level.LOW), list(Auto5))
print(Status.OK | Status.ERR, repr(Status.OK | Status.WARN), Status(6), Status(0), bool(Status(0)))
try:
    Status(8)
except ValueError as e:
    print("ValueError:", e)
print(repr(Loose(7)), repr(Keep(9)), Keep(9) & Keep.X, repr(Eject(7)), type(Eject(7)).__name__)
print(Perm.R | Perm.W, repr(Perm(6)), Perm.ALL, repr(Perm.NONE), Perm(5) in Perm.ALL, Perm.R & 6, Perm.W ^ Perm.ALL, ~Perm.R)
print(list(Perm.ALL), [m.name for m in Perm], Perm(7).name, Perm(3).name, (Perm.R | Perm.X).value)
print(repr(~Status.OK), Status.OK in Status.OK | Status.WARN, list(Status.OK | Status.ERR), len(Status.OK | Status.ERR))
for bad in [lambda: Color(7), lambda: Color["PINK"], lambda: Opcode("zzz"), lambda: Animal(0)]:
    try:
        bad()
    except (ValueError, KeyError) as e:
        print(type(e).__name__, e)
try:
    class Sub(Color):
        PINK = 4
except TypeError as e:
    print("TypeError:", e)
try:
    Color.RED.value = 5
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Color.RED
except AttributeError as e:
    print("AttributeError:", e)
try:
    Enum("Bad", "A A")
except TypeError as e:
    print("TypeError:", e)
print(pickle.loads(pickle.dumps(Opcode.ADD)) is Opcode.ADD, copy.deepcopy(Planet.EARTH) is Planet.EARTH,
      pickle.loads(pickle.dumps(Perm(6))) == Perm(6), pickle.loads(pickle.dumps(Shape.SQUARE)) is Shape.SQUARE)
print(sorted(Opcode)[:3], max(Level), Opcode.ADD < Opcode.SUB, Opcode.ADD == 16, {Opcode.ADD: 1}[16], hash(Opcode.ADD) == hash(16))
print(Color.RED == 1, Color.RED < Color.GREEN if False else "", sorted(Color, key=lambda c: -c.value))
print(dir(Color)[:6], sorted(set(dir(Color.RED)) & {"name", "value", "describe", "__class__"}))
print(Opcode.__name__, Opcode.__qualname__, Opcode.__module__, Opcode.ADD.__doc__ is None or True, Opcode.__doc__)


class Weekday(Enum):
    MON = 1
    TUE = 2

    @classmethod
    def parse(cls, s):
        return cls.__members__.get(s.upper()[:3])


print(Weekday.parse("monday"), Weekday.parse("x"))
match Opcode(1):
    case Opcode.PUSH:
        print("matched PUSH")
    case _:
        print("no")
print(enum.unique(Opcode) is Opcode, Opcode._value2member_map_[255], Opcode._member_names_[:2])


class Str(str, Enum):
    A = "a"
    B = "b"


print(Str.A, repr(Str.A), Str.A == "a", Str.A + "x", f"{Str.B}", "{}".format(Str.B), Str("b"))
