# A Matrix class with operator overloading: __matmul__, __iter__, __eq__, __hash__, slicing.
from fractions import Fraction
from numbers import Number
import math


class Matrix:
    __slots__ = ("rows", "cols", "_data")

    def __init__(self, data):
        data = [list(r) for r in data]
        if not data or any(len(r) != len(data[0]) for r in data):
            raise ValueError("ragged or empty matrix")
        self.rows, self.cols = len(data), len(data[0])
        self._data = data

    @classmethod
    def identity(cls, n):
        return cls([[int(i == j) for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, r, c):
        return cls([[0] * c for _ in range(r)])

    @property
    def shape(self):
        return self.rows, self.cols

    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            if isinstance(r, slice) or isinstance(c, slice):
                rs = self._data[r] if isinstance(r, slice) else [self._data[r]]
                return Matrix([row[c] if isinstance(c, slice) else [row[c]] for row in rs])
            return self._data[r][c]
        return tuple(self._data[idx])

    def __setitem__(self, idx, value):
        r, c = idx
        self._data[r][c] = value

    def __iter__(self):
        for row in self._data:
            yield tuple(row)

    def __len__(self):
        return self.rows

    def __eq__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        return self._data == other._data

    def __hash__(self):
        return hash(tuple(map(tuple, self._data)))

    def __repr__(self):
        return f"Matrix({self._data!r})"

    def __str__(self):
        cells = [[str(x) for x in row] for row in self._data]
        w = max(len(c) for row in cells for c in row)
        return "\n".join("[" + " ".join(c.rjust(w) for c in row) + "]" for row in cells)

    def _elementwise(self, other, op):
        if isinstance(other, Matrix):
            if self.shape != other.shape:
                raise ValueError(f"shape mismatch {self.shape} vs {other.shape}")
            return Matrix([[op(a, b) for a, b in zip(r1, r2)] for r1, r2 in zip(self, other)])
        if isinstance(other, Number):
            return Matrix([[op(a, other) for a in row] for row in self])
        return NotImplemented

    def __add__(self, other):
        return self._elementwise(other, lambda a, b: a + b)

    __radd__ = __add__

    def __sub__(self, other):
        return self._elementwise(other, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._elementwise(other, lambda a, b: b - a)

    def __mul__(self, other):
        return self._elementwise(other, lambda a, b: a * b)

    def __rmul__(self, other):
        return self * other

    def __truediv__(self, other):
        return self._elementwise(other, lambda a, b: Fraction(a) / b)

    def __neg__(self):
        return self * -1

    def __pos__(self):
        return Matrix(self._data)

    def __abs__(self):
        return math.sqrt(sum(x * x for row in self for x in row))

    def __matmul__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        if self.cols != other.rows:
            raise ValueError(f"cannot multiply {self.shape} by {other.shape}")
        t = other.T
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in t] for row in self])

    def __imatmul__(self, other):
        res = self @ other
        self._data, self.rows, self.cols = res._data, res.rows, res.cols
        return self

    def __pow__(self, n):
        if self.rows != self.cols:
            raise ValueError("square matrix required")
        result = Matrix.identity(self.rows)
        base = self
        while n:
            if n & 1:
                result = result @ base
            base = base @ base
            n >>= 1
        return result

    @property
    def T(self):
        return Matrix(zip(*self._data))

    def det(self):
        if self.rows != self.cols:
            raise ValueError("square matrix required")
        m = [[Fraction(x) for x in row] for row in self._data]
        n, det = self.rows, Fraction(1)
        for i in range(n):
            pivot = next((r for r in range(i, n) if m[r][i] != 0), None)
            if pivot is None:
                return Fraction(0)
            if pivot != i:
                m[i], m[pivot] = m[pivot], m[i]
                det = -det
            det *= m[i][i]
            for r in range(i + 1, n):
                f = m[r][i] / m[i][i]
                for c in range(i, n):
                    m[r][c] -= f * m[i][c]
        return det

    def __bool__(self):
        return any(x for row in self for x in row)

    def __contains__(self, x):
        return any(x in row for row in self._data)


A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A)
print(repr(A @ B), repr(B @ A))
print(A + B, A - 1, 1 - A, 2 * A, A * A, -A, +A == A, sep="\n--\n")
print("A/2 =", list(A / 2))
print("shape", A.shape, "len", len(A), "T", A.T, sep="\n")
print("fib via power:", (Matrix([[1, 1], [1, 0]]) ** 30)[0, 1])
print("det", A.det(), Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]]).det(), Matrix.identity(4).det())
print("abs", round(abs(A), 6), bool(Matrix.zeros(2, 2)), bool(A), 3 in A, 7 in A)
C = Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 9]])
print(C[1], C[2, 0], repr(C[0:2, 1:]), repr(C[:, 0]), repr(C[::2, ::2]))
C[1, 1] = 50
print(list(C), max(C), sorted(C, key=sum, reverse=True)[0])
s = {A, Matrix([[1, 2], [3, 4]]), B}
print(len(s), A in s, {A: "a"}[Matrix([[1, 2], [3, 4]])])
print(A == [[1, 2], [3, 4]], A != B, A.__eq__(5))
M = Matrix.identity(2)
M @= A
M @= A
print(repr(M), M == A @ A)
for bad in (lambda: A @ C, lambda: A + C, lambda: Matrix([[1], [1, 2]]), lambda: A @ 3, lambda: C ** 2 @ A):
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    A.extra = 1
except AttributeError as e:
    print("AttributeError", e)
print(sum([A, B, A]) if False else sum([A, B], Matrix.zeros(2, 2)))
rot = Matrix([[0, -1], [1, 0]])
print([repr(rot ** k) for k in range(4)] == [repr(Matrix.identity(2)), repr(rot), repr(-Matrix.identity(2)), repr(-rot)])
v = Matrix([[1], [0]])
print([tuple(x for (x,) in rot ** k @ v) for k in range(5)])
