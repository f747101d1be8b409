# Enum details where 3.12+ differs from the 3.11 ftpy follows: a dataclass
# mixin shows its own repr as the value, a class defined in the body becomes
# a member (with a DeprecationWarning), EnumType.__call__ has no *values
# (extra positional arguments go to the functional API), dir() of an enum
# class lists __init_subclass__; SimpleNamespace takes no positional mapping.
import dataclasses
import inspect
import types
from enum import Enum, IntEnum


@dataclasses.dataclass
class CreatureData:
    size: str
    legs: int


class Creature(CreatureData, Enum):
    BEETLE = "small", 6
    DOG = "medium", 4


print(repr(Creature.BEETLE), Creature.DOG, Creature.DOG.legs, Creature.BEETLE.value)


class Outer(Enum):
    A = 1

    class Inner:
        pass


print(list(Outer), type(Outer.Inner).__name__, Outer.Inner.value.__name__)


class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    MARS = (6.42e23, 3.39e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius


for args in [((5.97e24, 6.37e6),), (5.97e24, 6.37e6), (1, 2, 3)]:
    try:
        print(Planet(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(inspect.signature(Planet))


class Color(Enum):
    RED = 1


class Level(IntEnum):
    LOW = 1


print(dir(Color))
print([n for n in dir(Level) if n.startswith("__") and n in ("__init_subclass__", "__new__", "__members__")])
try:
    types.SimpleNamespace({"a": 1})
except TypeError as e:
    print("TypeError:", e)
print(types.SimpleNamespace(b=2, a=1))
