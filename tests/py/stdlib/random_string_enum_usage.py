# random (seeded sequences equal CPython's), string and enum as programs use them.
import random, string, enum

random.seed(12345)
print(random.random(), random.randint(1, 100), random.randrange(0, 100, 7), random.randrange(10))
print(random.choice("abcdef"), random.choices(range(10), k=5), random.choices("abc", weights=[10, 1, 1], k=6))
print(random.choices("xyz", cum_weights=[1, 2, 10], k=4))
lst = list(range(10)); random.shuffle(lst); print(lst)
print(random.sample(range(100), 5), random.sample("abcdefg", k=3), random.uniform(1, 2), random.getrandbits(70))
print(random.gauss(0, 1), random.normalvariate(5, 2), random.triangular(0, 10, 3), random.expovariate(2))
print(random.betavariate(2, 3), random.gammavariate(2, 1), random.lognormvariate(0, 1), random.vonmisesvariate(1, 2))
print(random.paretovariate(3), random.weibullvariate(1, 2), random.randbytes(5))
r = random.Random("seed-string")
print(r.random(), r.randint(0, 10**30))
r2 = random.Random(); r2.setstate(r.getstate()); print(r2.random() == r.random())
r3 = random.Random(3.5); print(r3.random())
r4 = random.Random(b"bytes"); print(r4.random())
r5 = random.Random(-7); print(r5.random() == random.Random(7).random())
for f in [lambda: random.randrange(0), lambda: random.choice([]),
          lambda: random.sample([1, 2], 3), lambda: random.choices("ab", weights=[1], k=2),
          lambda: random.getrandbits(-1), lambda: random.randrange(1, 10, 0)]:
    try:
        print(f())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__, e)

print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits)
print(repr(string.punctuation), repr(string.whitespace), len(string.printable))
print(string.capwords("hello   big world"), string.capwords("a-b c-d", "-"))
t = string.Template("$who likes ${what}, $$5")
print(t.substitute(who="tim", what="kung pao"), t.safe_substitute(who="x"), t.get_identifiers(), t.is_valid())
for f in [lambda: t.substitute(who="a"), lambda: string.Template("$").substitute(), lambda: string.Template("${a").substitute(a=1)]:
    try:
        print(f())
    except (KeyError, ValueError) as e:
        print(type(e).__name__, e)
class Pct(string.Template):
    delimiter = "%"
print(Pct("%x and %{y}").substitute(x=1, y=2))
fmt = string.Formatter()
print(fmt.format("{0} {name!r} {x:>5}", 1, name="n", x=3.5), list(fmt.parse("a{0:>3}b{x!s}")))
print(fmt.vformat("{a}-{b}", (), {"a": 1, "b": 2}), fmt.get_field("a.real", (), {"a": 3}))

class Color(enum.Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.CRIMSON is Color.RED, list(Color), len(Color))
print(Color.RED.name, Color.RED.value, Color.__members__.keys(), Color.RED in Color, hash(Color.RED) == hash(Color.RED))
for f in [lambda: Color(7), lambda: Color["PINK"]]:
    try:
        f()
    except (ValueError, KeyError, AttributeError) as e:
        print(type(e).__name__, e)
class Num(enum.IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE + 1, Num.TWO == 2, Num(2), repr(Num.ONE), sorted([Num.TWO, Num.ONE]), f"{Num.ONE}", str(Num.TWO))
class Perm(enum.Flag):
    R = enum.auto()
    W = enum.auto()
    X = enum.auto()
rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(rw), rw & Perm.W, ~Perm.R, Perm(0), bool(Perm(0)), Perm(7))
class IP(enum.IntFlag):
    A = 1
    B = 2
    C = 4
print(IP.A | IP.C, repr(IP.A | 8), IP.B + 1, IP(3), list(IP(7)), IP.A | IP.B == 3)
class Auto(enum.Enum):
    X = enum.auto()
    Y = enum.auto()
print(Auto.X.value, Auto.Y.value, [m.name for m in Auto])
try:
    @enum.unique
    class Dup(enum.Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError", e)
class Planet(enum.Enum):
    EARTH = (5.97e24, 6.37e6)
    def __init__(self, mass, radius):
        self.mass, self.radius = mass, radius
    @property
    def g(self):
        return round(6.67e-11 * self.mass / self.radius ** 2, 2)
print(Planet.EARTH.g, Planet.EARTH.value)
class S(str, enum.Enum):
    A = "a"
print(S.A == "a", S("a"), S.A.upper())
Animal = enum.Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, enum.Enum("E2", [("x", 5)]).x)
class Ordered(enum.Enum):
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()
    A = enum.auto()
print(Ordered.A.value)
class WithMissing(enum.Enum):
    A = 1
    @classmethod
    def _missing_(cls, value):
        return cls.A
print(WithMissing(99))
try:
    Color.RED < Color.GREEN
except TypeError as e:
    print("TypeError", e)
