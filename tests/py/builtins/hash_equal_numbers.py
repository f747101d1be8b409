print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False) == hash(0j))
print(hash(2 ** 70) == hash(float(2 ** 70)), hash(0.5) == hash(0.5 + 0j))
from fractions import Fraction
from decimal import Decimal
print(hash(Fraction(3, 1)) == hash(3), hash(Decimal("1.5")) == hash(1.5), hash(Fraction(1, 3)) == hash(Fraction(2, 6)))
print(len({1, 1.0, Fraction(1), Decimal(1), True, 1 + 0j}))
print(hash("a") == hash("a"), hash(("a", 1)) == hash(("a", 1)), hash(None) == hash(None))
try:
    hash([])
except TypeError as e:
    print(type(e).__name__, e)
try:
    hash({})
except TypeError as e:
    print(type(e).__name__, e)
