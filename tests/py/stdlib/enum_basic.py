from enum import Enum, IntEnum, Flag, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED, len(Color), list(Color))
print(Color.RED.name, Color.RED.value, [m.name for m in Color], list(Color.__members__))
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
try:
    Color["PINK"]
except KeyError as e:
    print(type(e).__name__, e)
class Prio(IntEnum):
    LOW = auto()
    HIGH = auto()
print(Prio.LOW < Prio.HIGH, Prio.HIGH + 1, Prio.HIGH == 2, sorted([Prio.HIGH, Prio.LOW]), f"{Prio.LOW}", str(Prio.LOW))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), rw.value, list(rw), ~Perm.R)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print(type(e).__name__, e)
class Planet(Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass = mass
    @property
    def heavy(self): return self.mass > 1e24
print(Planet.EARTH.heavy, Planet.EARTH.value, isinstance(Color.RED, Color), type(Color.RED).__name__)
