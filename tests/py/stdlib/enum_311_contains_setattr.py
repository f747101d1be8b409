# Enum behaviour that 3.11 has and 3.12 changed: `x in EnumClass` with a
# non-member warns and raises TypeError, a composite Flag value is not "in"
# its class, and setting/deleting a member's name/value names the class
# that defines the attribute.
import enum
from enum import Enum, Flag, IntEnum


class Color(Enum):
    RED = 1
    GREEN = 2


class Other(Enum):
    RED = 1


class Perm(Flag):
    R = 4
    W = 2
    X = 1


class Level(IntEnum):
    LOW = 1


print(Color.RED in Color, Other.RED in Color, Perm.R in Perm, Perm(6) in Perm, Perm(0) in Perm)
print(Level.LOW in Level, Perm.R | Perm.W in Perm.R | Perm.W | Perm.X)
for probe in (1, "RED", None, Level.LOW):
    try:
        print(probe in Color)
    except TypeError as e:
        print("TypeError:", e)
try:
    1 in Level
except TypeError as e:
    print("TypeError:", e)
for op in (lambda: setattr(Color.RED, "value", 5), lambda: setattr(Color.RED, "name", "x"),
           lambda: delattr(Color.RED, "value"), lambda: delattr(Perm.R, "name"),
           lambda: setattr(Color, "RED", 3), lambda: delattr(Color, "GREEN")):
    try:
        op()
        print("no error")
    except AttributeError as e:
        print("AttributeError:", e)
Color.RED.extra = "ok"
print(Color.RED.extra, Color.RED.value, Color.RED.name)
