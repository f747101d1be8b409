import math
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-12, 18), math.gcd(12, 18, 27), math.gcd())
print(math.lcm(4, 6), math.lcm(0, 5), math.lcm(2, 3, 4), math.lcm())
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40), math.isqrt(2 ** 101))
try:
    math.isqrt(-1)
except ValueError as e:
    print(type(e).__name__)
print(math.factorial(0), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.comb(100, 50))
print(math.comb(5, 10), math.perm(5), math.perm(5, 0))
try:
    math.factorial(-1)
except ValueError as e:
    print(type(e).__name__)
print(math.gcd(2 ** 100, 6 ** 40))
