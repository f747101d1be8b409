inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), str(-nan))
print(inf + 1, inf - inf, inf * 0, inf * -1, 1 / inf, -1 / inf, inf / inf)
print(nan + 1, nan * 0, nan == nan, nan != nan, nan is nan)
print(inf == inf, inf > 1e308, -inf < -1e308, max(1, inf), min(-inf, 0))
print(inf > nan, inf < nan, sorted([3, 1, 2]))
import math
print(math.isinf(inf), math.isnan(nan), math.isfinite(1.0), math.isfinite(inf), math.isfinite(nan))
print(math.copysign(1, -0.0), math.copysign(1, 0.0), math.copysign(3, -inf))
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(int(1e308), float("inf") == math.inf, math.nan != math.nan)
print(round(inf) if False else "skip", hash(inf), hash(-inf))
for f in (lambda: round(inf), lambda: round(nan), lambda: int(nan)):
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
