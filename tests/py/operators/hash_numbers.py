print(hash(1) == hash(1.0) == hash(1 + 0j) == hash(True))
print(hash(0) == hash(0.0) == hash(-0.0) == hash(False))
print(hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)))
print(hash(0.5), hash(1.5), hash(-0.5), hash(1e100) == hash(int(1e100)))
print(hash(float("inf")), hash(float("-inf")))
from fractions import Fraction
print(hash(Fraction(1, 2)) == hash(0.5), hash(2 ** 100) == hash(float(2 ** 100)))
print(hash(3 + 0j) == hash(3), hash(1j))
d = {}
d[1] = "int"; d[1.0] = "float"; d[True] = "bool"
print(d, len({0, 0.0, False, -0.0}))
