# Fraction +, -, *, / reduce by gcds of the parts before multiplying (the
# result is the same in lowest terms); a division by zero names the reduced
# numerator, as CPython 3.11 does ("Fraction(1, 0)" for 3/4 / 0).
from fractions import Fraction as F
for f in [lambda: F(3, 4) / F(0), lambda: F(3, 4) / 0, lambda: F(-3, 4) / F(0, 5), lambda: 3 / F(0), lambda: F(3,4) // F(0), lambda: F(3,4) % 0, lambda: divmod(F(1), F(0)), lambda: F(0) ** -1, lambda: F(-2, 3) ** -2]:
    try: print(f())
    except ZeroDivisionError as e: print("ZDE", e)
import random
r = random.Random(5)
vals = [F(r.randint(-50, 50), r.randint(1, 60)) for _ in range(40)] + [F(0), F(1), F(-1), F(-3), F(10**20, 3), F(-7, 10**15)]
out = []
for a in vals:
    for b in vals:
        for op in ("+", "-", "*", "/"):
            try: v = eval(f"a {op} b")
            except ZeroDivisionError: v = "Z"
            out.append(v if isinstance(v, str) else (v.numerator, v.denominator, type(v).__name__))
print(len(out), hash(tuple(map(str, out))) % 1000003 if False else out[:20], sum(1 for o in out if o == "Z"))
import hashlib; print(hashlib.md5(repr(out).encode()).hexdigest())
class Sub(F): pass
print(type(Sub(1, 2) + Sub(1, 3)), type(Sub(1,2) * 2), type(-Sub(1, 2)))
s = F(0)
for i in range(1, 400): s += F(1, i)
print(s.denominator % 1000007, s.numerator % 1000007)
