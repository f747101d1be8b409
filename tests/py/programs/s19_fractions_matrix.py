"""Matrix and rational arithmetic with operator overloading."""
from fractions import Fraction
from numbers import Number
import math


class Rational:
    __slots__ = ("num", "den")

    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("Rational with zero denominator")
        if isinstance(num, Rational):
            num, den = num.num * 1, num.den * den
        elif isinstance(num, Fraction):
            num, den = num.numerator, num.denominator * den
        g = math.gcd(num, den)
        if den < 0:
            g = -g
        self.num = num // g
        self.den = den // g

    @classmethod
    def _coerce(cls, x):
        if isinstance(x, Rational):
            return x
        if isinstance(x, int):
            return cls(x)
        return NotImplemented

    def __add__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Rational(self.num * o.den + o.num * self.den, self.den * o.den)

    __radd__ = __add__

    def __neg__(self):
        return Rational(-self.num, self.den)

    def __sub__(self, o):
        o = self._coerce(o)
        return NotImplemented if o is NotImplemented else self + (-o)

    def __rsub__(self, o):
        return (-self) + o

    def __mul__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Rational(self.num * o.num, self.den * o.den)

    __rmul__ = __mul__

    def __truediv__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return Rational(self.num * o.den, self.den * o.num)

    def __rtruediv__(self, o):
        return Rational(o) / self

    def __pow__(self, n):
        if not isinstance(n, int):
            return NotImplemented
        if n < 0:
            return Rational(self.den ** -n, self.num ** -n)
        return Rational(self.num ** n, self.den ** n)

    def __eq__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return self.num == o.num and self.den == o.den

    def __lt__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return self.num * o.den < o.num * self.den

    def __gt__(self, o):
        o = self._coerce(o)
        if o is NotImplemented:
            return o
        return o < self

    def __hash__(self):
        return hash(Fraction(self.num, self.den))

    def __float__(self):
        return self.num / self.den

    def __bool__(self):
        return self.num != 0

    def __abs__(self):
        return Rational(abs(self.num), self.den)

    def __repr__(self):
        return f"Rational({self.num}, {self.den})"

    def __str__(self):
        return str(self.num) if self.den == 1 else f"{self.num}/{self.den}"

    def __format__(self, spec):
        return format(str(self), spec)


class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        if len({len(r) for r in self.rows}) > 1:
            raise ValueError("ragged matrix")

    @classmethod
    def identity(cls, n, one=1, zero=0):
        return cls([[one if i == j else zero for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0]) if self.rows else 0

    def __getitem__(self, ij):
        i, j = ij
        return self.rows[i][j]

    def __matmul__(self, o):
        n, m = self.shape
        m2, p = o.shape
        if m != m2:
            raise ValueError(f"shape mismatch: {self.shape} @ {o.shape}")
        return Matrix([[sum((self.rows[i][k] * o.rows[k][j] for k in range(m)), Rational(0))
                        for j in range(p)] for i in range(n)])

    def __mul__(self, k):
        return Matrix([[x * k for x in r] for r in self.rows])

    __rmul__ = __mul__

    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r1, r2, strict=True)] for r1, r2 in zip(self.rows, o.rows, strict=True)])

    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows

    def transpose(self):
        return Matrix(zip(*self.rows))

    def inverse(self):
        n, m = self.shape
        if n != m:
            raise ValueError("not square")
        a = [[Rational(x) for x in r] + [Rational(int(i == j)) for j in range(n)] for i, r in enumerate(self.rows)]
        for col in range(n):
            pivot = next((r for r in range(col, n) if a[r][col]), None)
            if pivot is None:
                raise ZeroDivisionError("matrix is singular")
            a[col], a[pivot] = a[pivot], a[col]
            pv = a[col][col]
            a[col] = [x / pv for x in a[col]]
            for r in range(n):
                if r != col and a[r][col]:
                    f = a[r][col]
                    a[r] = [x - f * y for x, y in zip(a[r], a[col])]
        return Matrix([row[n:] for row in a])

    def det(self):
        n, _ = self.shape
        if n == 1:
            return self.rows[0][0]
        return sum(((-1) ** j) * self.rows[0][j] *
                   Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]]).det() for j in range(n))

    def __str__(self):
        cells = [[str(x) for x in r] for r in self.rows]
        w = max(len(c) for r in cells for c in r)
        return "\n".join("[ " + "  ".join(f"{c:>{w}}" for c in r) + " ]" for r in cells)


h = Rational(1, 2)
t = Rational(1, 3)
print(h + t, h - t, h * t, h / t, t ** -2, 1 - h, 3 / t, -h, abs(-h))
print(repr(Rational(6, -8)), Rational(4, 2) == 2, 2 == Rational(4, 2), hash(Rational(1, 2)) == hash(0.5))
print(sorted([Rational(3, 4), Rational(1, 5), Rational(-2, 3), 1]), float(Rational(22, 7)))
print(f"[{Rational(7, 9):>8}] [{Rational(7, 9):<8}] [{Rational(7, 9):^8}]")
print({Rational(1, 2): "half"}[Rational(2, 4)], bool(Rational(0, 5)))
try:
    h + 0.5
except TypeError as e:
    print("TypeError:", e)
try:
    Rational(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

m = Matrix([[2, 1, 1], [1, 3, 2], [1, 0, 0]])
print(m.shape, m[1, 1], m.det())
inv = m.inverse()
print(inv)
print(m @ inv == Matrix.identity(3, Rational(1), Rational(0)))
print(m.transpose())
print(2 * m + m * 3 == m * 5)
try:
    m @ Matrix([[1, 2]])
except ValueError as e:
    print(e)
try:
    Matrix([[1, 2], [2, 4]]).inverse()
except ZeroDivisionError as e:
    print(e)

# the same computations with the standard library Fraction
fm = [[Fraction(1, i + j + 1) for j in range(4)] for i in range(4)]
hilbert = Matrix(fm)
print("hilbert det:", hilbert.det())
hinv = Matrix([[Fraction(x.num, x.den) for x in r] for r in hilbert.inverse().rows])
print(hinv)
print(Fraction(3, 4) + 1, Fraction("3.1415"), Fraction(0.1), Fraction(0.1).limit_denominator(100))
print(Fraction(-7, 3) // 2, Fraction(-7, 3) % 2, divmod(Fraction(7, 2), Fraction(1, 3)), round(Fraction(5, 2)), round(Fraction(7, 3), 2))
print(isinstance(Fraction(1), Number), Fraction(1, 3) < 0.34, math.floor(Fraction(-1, 2)), f"{Fraction(1, 3):.5f}" if hasattr(Fraction, "__format__") and Fraction.__format__ is not object.__format__ else "n/a")
