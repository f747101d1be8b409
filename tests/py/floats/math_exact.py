import math
print(math.sqrt(16), math.sqrt(2), math.sqrt(0.25), math.sqrt(-0.0), math.sqrt(1e308))
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.fabs(-2), math.fmod(7, 3), math.fmod(-7, 3))
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.frexp(8.0), math.frexp(0.1), math.ldexp(0.5, 4), math.modf(3.25), math.modf(-3.25))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100]), math.prod([1.5, 2, 4]), math.prod(range(1, 6)))
print(math.hypot(3, 4), math.hypot(5, 12), math.dist((0, 0), (3, 4)), math.copysign(2, -1))
print(math.degrees(math.pi), math.radians(180) == math.pi, math.exp(0), math.log(1), math.log2(1024), math.log10(1000))
print(math.log(8, 2), math.pow(2, 10), math.atan2(0, 1), math.sin(0), math.cos(0), math.tan(0))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.remainder(7, 4), math.remainder(5, 2))
for f, a in [(math.sqrt, -1), (math.log, 0), (math.log, -1), (math.acos, 2)]:
    try:
        f(a)
    except ValueError as e:
        print(f.__name__, type(e).__name__)
try:
    math.exp(1000)
except OverflowError as e:
    print(type(e).__name__)
print(math.isqrt(99), math.floor(-0.0), math.ceil(1e-300))
