from fractions import Fraction
from decimal import Decimal, getcontext
print(Fraction(1, 3) + Fraction(1, 6), Fraction("3/4") * 2, Fraction(0.5), Fraction(6, -4), Fraction(1, 3) < 0.34)
print(Fraction(355, 113).limit_denominator(10), float(Fraction(1, 8)), Fraction(7, 2).numerator, round(Fraction(7, 2)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
print(Decimal("0.1") + Decimal("0.2"), Decimal("1.10") * 3, Decimal(10) / Decimal(4), Decimal("2").sqrt())
getcontext().prec = 6
print(Decimal(1) / Decimal(7), Decimal("1.23456789").quantize(Decimal("0.01")), Decimal("-0"), Decimal("1e3").normalize())
print(repr(Decimal("3.14")), Decimal("NaN").is_nan(), Decimal(2) ** 10)
