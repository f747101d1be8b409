import math
inf, nan = math.inf, math.nan
print(math.floor(2.5), math.ceil(-2.5))
for f in (math.floor, math.ceil, math.trunc):
    for v in (inf, nan):
        try:
            f(v)
        except (OverflowError, ValueError) as e:
            print(f.__name__, v, type(e).__name__, e)
print(math.fmod(5.5, inf), math.hypot(inf, nan), math.copysign(nan, -1) != 0)
print(min(nan, 1), min(1, nan), max(nan, 1), max(1, nan))
print(sorted([inf, -inf, 0.0, -0.0, 1]), [x for x in [1.0, nan, 2.0] if x == x])
print(inf // 1, -inf // 1 if False else "skip", 5 % inf, -5 % inf, inf % 5 if False else "skip")
