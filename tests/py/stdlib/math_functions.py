import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(2.9), math.factorial(10), math.comb(52, 5), math.perm(10, 3))
print(math.gcd(48, 18), math.lcm(4, 6, 10), math.isqrt(10 ** 12 + 1), math.sqrt(144), math.hypot(6, 8))
print(math.fabs(-3), math.fmod(-7, 3), math.copysign(5, -0.0), math.fsum([0.1] * 10), math.prod([2, 3, 4]))
print(math.isfinite(1e308), math.isinf(-math.inf), math.isnan(math.nan), math.isclose(1.0, 1.0 + 1e-10))
print(math.log2(8), math.log10(0.001), math.exp(0), math.log(math.e), math.pow(2, -2), math.ldexp(3, 2), math.frexp(-4.0))
print(math.degrees(math.pi / 2), math.radians(90) == math.pi / 2, math.sin(0.0), math.cos(0.0), math.atan(0.0), math.asin(1.0) == math.pi / 2)
for bad in [lambda: math.sqrt(-4), lambda: math.log(-1), lambda: math.factorial(2.5), lambda: math.comb(-1, 2)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
print(math.dist([1, 1], [4, 5]), math.inf > 10 ** 300, -math.inf < -10 ** 300, math.trunc(-0.9))
