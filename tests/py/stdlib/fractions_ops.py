# fractions.Fraction: construction, arithmetic, hashing, rounding, errors.
from fractions import Fraction as F
from decimal import Decimal
print(F(1,3)+F(1,6), F("3/4")*2, F(0.5), F(6,-4), F(1,3) < 0.34, F(" -1.5e3 "), F("1_000/3"), F(".5"), F("5."))
print(F(355,113).limit_denominator(10), F(3.141592653589793).limit_denominator(1000), float(F(1,8)), round(F(7,2)), round(F(5,2)), round(F(1234,100), 1), round(F(1234, 1), -2))
print(F(7,2)//2, F(7,2)%F(1,3), divmod(F(7,2), 2), F(2,3)**2, F(2,3)**-2, F(-2,3)**-3, 4**F(1,2), F(4)**F(1,2), 2**F(3))
print(hash(F(1,2)) == hash(0.5), hash(F(3)) == 3, hash(F(1,3)), F(1,2) == 0.5, F(1,2) == complex(0.5, 0), F(1,3) > 0, F(Decimal("1.25")), F(F(1,2), F(1,3)))
print(-F(1,2), abs(F(-1,2)), int(F(-7,2)), F(1,2)+0.25, F(1,2)+1j, 1 - F(1,3), 1.5 * F(1,2), repr(F(1,3)), str(F(4,2)), bool(F(0)))
import math; print(math.floor(F(-7,2)), math.ceil(F(-7,2)), math.trunc(F(-7,2)), F(1,3).as_integer_ratio(), F.from_float(0.1), F.from_decimal(Decimal("0.1")))
for bad in [lambda: F(1, 0), lambda: F("x"), lambda: F("1/0"), lambda: F(1.5, 2), lambda: F(1,2)/0, lambda: F(0)**-1, lambda: F(float("nan")), lambda: F([])]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(sorted([F(1,2), 0.3, 1, F(1,3)]), sum([F(1,3)]*3), max(F(1,2), F(2,3)))
