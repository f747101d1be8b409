"""Matrix class with operator overloading and __format__ specs."""
from fractions import Fraction
from numbers import Number
import math


class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("ragged or empty matrix")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __repr__(self):
        return f"Matrix({self.rows!r})"

    def __format__(self, spec):
        if not spec:
            return str(self)
        cells = [[format(x, spec) for x in r] for r in self.rows]
        w = max(len(c) for r in cells for c in r)
        return "\n".join("[" + " ".join(c.rjust(w) for c in r) + "]" for r in cells)

    def __str__(self):
        return format(self, "")  if False else "\n".join(" ".join(str(x) for x in r) for r in self.rows)

    def __eq__(self, other):
        return isinstance(other, Matrix) and self.rows == other.rows

    __hash__ = None

    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            i, j = idx
            if isinstance(i, slice) or isinstance(j, slice):
                rows = self.rows[i] if isinstance(i, slice) else [self.rows[i]]
                return Matrix([r[j] if isinstance(j, slice) else [r[j]] for r in rows])
            return self.rows[i][j]
        return self.rows[idx]

    def __setitem__(self, idx, value):
        i, j = idx
        self.rows[i][j] = value

    def _zip(self, other, op):
        if isinstance(other, Matrix):
            if self.shape != other.shape:
                raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
            return Matrix([[op(a, b) for a, b in zip(r, s)] for r, s in zip(self.rows, other.rows)])
        if isinstance(other, Number):
            return Matrix([[op(a, other) for a in r] for r in self.rows])
        return NotImplemented

    def __add__(self, o):
        return self._zip(o, lambda a, b: a + b)

    __radd__ = __add__

    def __sub__(self, o):
        return self._zip(o, lambda a, b: a - b)

    def __rsub__(self, o):
        return self._zip(o, lambda a, b: b - a)

    def __mul__(self, o):
        return self._zip(o, lambda a, b: a * b)

    __rmul__ = __mul__

    def __neg__(self):
        return self * -1

    def __abs__(self):
        return math.sqrt(sum(x * x for r in self.rows for x in r))

    def __matmul__(self, o):
        if not isinstance(o, Matrix):
            return NotImplemented
        n, m = self.shape
        m2, p = o.shape
        if m != m2:
            raise ValueError(f"cannot multiply {n}x{m} by {m2}x{p}")
        return Matrix([[sum(self.rows[i][k] * o.rows[k][j] for k in range(m)) for j in range(p)]
                       for i in range(n)])

    def __imatmul__(self, o):
        self.rows = (self @ o).rows
        return self

    def __pow__(self, n):
        result = Matrix.identity(self.shape[0])
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result

    def transpose(self):
        return Matrix(zip(*self.rows))

    def det(self):
        n, m = self.shape
        if n != m:
            raise ValueError("not square")
        a = [[Fraction(x) for x in r] for r in self.rows]
        det = Fraction(1)
        for c in range(n):
            piv = next((r for r in range(c, n) if a[r][c] != 0), None)
            if piv is None:
                return Fraction(0)
            if piv != c:
                a[c], a[piv] = a[piv], a[c]
                det = -det
            det *= a[c][c]
            for r in range(c + 1, n):
                f = a[r][c] / a[c][c]
                a[r] = [x - f * y for x, y in zip(a[r], a[c])]
        return det

    def inverse(self):
        n = self.shape[0]
        a = [[Fraction(x) for x in r] + [Fraction(int(i == j)) for j in range(n)]
             for i, r in enumerate(self.rows)]
        for c in range(n):
            piv = next((r for r in range(c, n) if a[r][c] != 0), None)
            if piv is None:
                raise ZeroDivisionError("matrix is singular")
            a[c], a[piv] = a[piv], a[c]
            pv = a[c][c]
            a[c] = [x / pv for x in a[c]]
            for r in range(n):
                if r != c and a[r][c]:
                    f = a[r][c]
                    a[r] = [x - f * y for x, y in zip(a[r], a[c])]
        return Matrix([r[n:] for r in a])


A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0.5, -1.25], [2.0, 1e-3]])
print(A)
print(repr(A + 1), repr(2 * A), repr(1 - A), repr(-A))
print(f"{B:8.3f}")
print(f"{B:+.2e}")
print(f"{A:#06x}")
print(f"{A:b}")
print(format(A * B, ">10.4g"))
print(A @ A, "", sep="\n")
print(repr(A ** 10))
print(A.det(), A.inverse(), sep="\n")
print(repr(A.inverse() @ A == Matrix.identity(2)))
C = Matrix([[2, -1, 0], [-1, 2, -1], [0, -1, 2]])
print(C.det(), C.inverse(), sep="\n")
print(f"{abs(C):.6f}", round(abs(C), 3), abs(C).hex())
print(repr(C[0:2, 1:]), C[1, 1], C[2])
C[0, 0] = Fraction(7, 3)
print(f"{Matrix([[float(x) for x in r] for r in C.rows]):^9}")
M = Matrix.identity(3)
M @= C
print(M == C, M != C, M == 1)
for bad in [lambda: A @ C, lambda: A + C, lambda: Matrix([[1], [1, 2]]), lambda: Matrix([[0, 0], [0, 0]]).inverse(),
            lambda: A @ 3, lambda: hash(A), lambda: A + "s", lambda: f"{A:q}"]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(A.transpose().rows, Matrix([[Fraction(1, 3), 0.25]]))
print(f"{Fraction(22, 7)!s:>8}|{3.14159:{'<'}{10}.{3}}|{12345678:,}|{12345678:_x}|{-0.0:+}|{1e300*1e10}|{float('nan'):>5}")
print(f"{'abc':*^11}|{42:=+8}|{3.5:%}|{0.000012345:g}|{123456789.0:g}|{1.5e16:g}|{2**70:e}")
print(format(1234.5678, "012,.2f"), format(-42, "08b"), format(255, "#o"), format(10**20, ","), format(True, "d"))
