# A geometry/physics helper library: math, cmath, numbers ABCs, custom
# numeric types with operator overloading, fractions in exact arithmetic,
# and formatting of results.
import math
import cmath
import numbers
from fractions import Fraction
from decimal import Decimal
import sys


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y) if isinstance(o, Vec) else NotImplemented

    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)

    def __mul__(self, k):
        if isinstance(k, numbers.Real):
            return Vec(self.x * k, self.y * k)
        return NotImplemented

    __rmul__ = __mul__

    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y

    def __abs__(self):
        return math.hypot(self.x, self.y)

    def __neg__(self):
        return Vec(-self.x, -self.y)

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __bool__(self):
        return bool(self.x or self.y)

    def __round__(self, n=0):
        return Vec(round(self.x, n), round(self.y, n))

    def __format__(self, spec):
        return f"<{format(self.x, spec)}, {format(self.y, spec)}>"

    def __repr__(self):
        return f"Vec({self.x!r}, {self.y!r})"


a, b = Vec(3, 4), Vec(1.5, -2)
print(a + b, a - b, 2 * a, a * Fraction(1, 3), a @ b, abs(a), -b, bool(Vec(0, 0)), round(b * 1.2345, 2))
print(f"{a * 0.1:.3f}", format(b, "+.1e"), {a, Vec(3, 4)}, a == Vec(3.0, 4.0))
try:
    a + 1
except TypeError as e:
    print("TypeError:", e)
try:
    a * "x"
except TypeError as e:
    print("TypeError:", e)


def polygon_area(pts):
    s = 0
    for (x1, y1), (x2, y2) in zip(pts, pts[1:] + pts[:1]):
        s += x1 * y2 - x2 * y1
    return abs(s) / 2


print(polygon_area([(0, 0), (4, 0), (4, 3)]), polygon_area([(Fraction(0), Fraction(0)), (Fraction(1, 3), 0), (0, Fraction(1, 7))]))
print(math.pi, math.tau, math.e, math.inf, -math.inf, math.nan != math.nan)
vals = [0.0, 0.5, 1.0, 2.0, 10.0, 1e-10, 1e300]
for f in ["sqrt", "exp", "log", "log10", "log2", "log1p", "expm1", "sin", "cos", "tan", "atan", "sinh", "tanh",
          "asinh", "erf", "erfc", "gamma", "lgamma", "ceil", "floor", "trunc", "fabs", "cbrt" if hasattr(math, "cbrt") else "fabs"]:
    out = []
    for v in vals:
        try:
            out.append(repr(getattr(math, f)(v)))
        except (ValueError, OverflowError) as e:
            out.append(type(e).__name__)
    print(f, out)
print(math.atan2(1, -1), math.degrees(math.pi / 3), math.radians(180), math.hypot(3, 4, 12), math.dist((0, 0), (3, 4)))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]), math.prod([Fraction(1, 2)] * 3), math.isqrt(10**20 + 1))
print(math.comb(50, 25), math.perm(10, 3), math.factorial(25), math.gcd(84, 36, 120), math.lcm(4, 6, 10))
print(math.copysign(3, -0.0), math.fmod(-7, 3), math.remainder(7, 3), math.modf(-3.75), math.frexp(48.0), math.ldexp(0.75, 6))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1e-12, 0, abs_tol=1e-9), math.isfinite(1e308 * 10), math.isnan(float("nan")))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.pow(2, 0.5), 2 ** -1074, float.fromhex("0x1.8p1"), (0.1).hex())
for bad in [("sqrt", -1), ("log", 0), ("acos", 2), ("factorial", -1), ("exp", 1000), ("comb", -1, 2), ("isqrt", -4)]:
    try:
        getattr(math, bad[0])(*bad[1:])
    except (ValueError, OverflowError) as e:
        print(bad[0], type(e).__name__, e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__, e)
z = complex(3, 4)
print(abs(z), cmath.phase(z), cmath.polar(z), cmath.rect(2, math.pi / 2), cmath.sqrt(-1), cmath.exp(1j * math.pi))
print(cmath.log(z), cmath.log10(100), cmath.sin(z), cmath.isclose(cmath.exp(1j * math.pi), -1), z.conjugate(), z ** 0.5)
print(complex("1+2j"), complex(" -3.5e2-1j "), 1j ** 2, (1 + 2j) / (3 - 4j), divmod(7, -2), (-7) // 2, -7 % 2, 7.5 // 2)
for cls in (int, float, complex, Fraction, Decimal, bool):
    print(cls.__name__, [abc.__name__ for abc in (numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral)
                         if issubclass(cls, abc)])
print(round(2.675, 2), round(-0.5), round(1.5), round(2.5), round(1234.5678, -2), round(7, -1), int("0x1f", 16), int("1_000"))
print(float("1e500"), float("-inf"), float(" 12.5 "), int(-3.99), int("  42\n"), 10 ** 20 // 7, (-10) ** 21 % 1000, pow(3, -1, 7))
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.int_info.bits_per_digit in (15, 30), sys.maxsize)
print(1e16, 1.0e-5, 123456789.0 * 10, 0.1 + 0.7, 1 / 3, 2 / 3, 100.0, 1e22, 1e21, -0.0, 5e-324, 1.7976931348623157e308)
print(format(1234.5, ","), format(0.1, ".20f"), format(1e-7, "g"), format(123456789, "e"), format(3.0, "%"), "%g" % 1e-5, "%.3g" % 1234.5)
print((255).to_bytes(2, "big"), int.from_bytes(b"\xff\x00", "little", signed=True), (1024).bit_length(), (255).bit_count(),
      (-5).__abs__(), (10).__divmod__(3), (7).as_integer_ratio(), (0.375).as_integer_ratio(), (2.0).is_integer())
try:
    int("12a")
except ValueError as e:
    print("ValueError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    int("9" * 5000)
except ValueError as e:
    print("ValueError:", str(e)[:80])
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
