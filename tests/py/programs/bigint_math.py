# Big integer arithmetic: factorials, Fractions, modular exponentiation, exact rounding, number theory.
import math
from fractions import Fraction
from functools import reduce


def factorial_digits(n):
    f = math.factorial(n)
    s = str(f)
    return len(s), sum(map(int, s)), len(s) - len(s.rstrip("0"))


for n in (10, 50, 100, 500):
    print(n, factorial_digits(n))
print(math.factorial(25), math.comb(100, 50), math.perm(20, 5))


def is_probable_prime(n, bases=(2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)):
    if n < 2:
        return False
    for p in bases:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in bases:
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = pow(x, 2, n)
            if x == n - 1:
                break
        else:
            return False
    return True


mersenne = [p for p in range(2, 130) if is_probable_prime(2 ** p - 1)]
print("mersenne exponents:", mersenne)
print(is_probable_prime(2 ** 127 - 1), is_probable_prime(2 ** 128 + 1), is_probable_prime(561))

# RSA toy with pow(x, -1, m)
p, q = 2 ** 61 - 1, 2 ** 89 - 1
n, phi = p * q, (p - 1) * (q - 1)
e = 65537
d = pow(e, -1, phi)
msg = int.from_bytes(b"ftpy rocks!", "big")
cipher = pow(msg, e, n)
plain = pow(cipher, d, n)
print(d * e % phi, plain.to_bytes((plain.bit_length() + 7) // 8, "big"), cipher.bit_length() <= n.bit_length())
try:
    pow(6, -1, 9)
except ValueError as ex:
    print("ValueError:", ex)


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


g, x, y = egcd(240, 46)
print(g, x, y, 240 * x + 46 * y, math.gcd(240, 46), math.lcm(4, 6, 10))


def crt(remainders, moduli):
    total, prod = 0, reduce(lambda a, b: a * b, moduli)
    for r, m in zip(remainders, moduli):
        part = prod // m
        total += r * part * pow(part, -1, m)
    return total % prod


print("crt:", crt([2, 3, 2], [3, 5, 7]), crt([1, 2, 3, 4], [5, 7, 9, 11]))

# exact arithmetic with Fraction
h = sum(Fraction(1, k) for k in range(1, 21))
print("H20 =", h, float(h), h.numerator.bit_length(), h.limit_denominator(1000))
print(Fraction(3, 4) ** 3, Fraction(-7, 3) // 2, Fraction(-7, 3) % 2, divmod(Fraction(7, 2), Fraction(2, 3)))
print(Fraction("3.1415926535"), Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction("-2/6"))
print(round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 3), math.floor(Fraction(-1, 3)), math.ceil(Fraction(1, 3)))
print(Fraction(1, 3) == 1 / 3, Fraction(1, 2) == 0.5, Fraction(1, 3) < 0.34, hash(Fraction(1, 2)) == hash(0.5))
print(sorted([Fraction(1, 3), 0.3, Fraction(2, 7), 1]), Fraction(10, 4).as_integer_ratio())


# continued fraction of sqrt(2) convergents approach it
def sqrt2_convergents(k):
    out = [Fraction(1)]
    for _ in range(k):
        out.append(1 + 1 / (1 + out[-1]))
    return out


cs = sqrt2_convergents(8)
print([str(c) for c in cs], float(cs[-1]) - math.sqrt(2))

# integer square roots and exact decimal digits without decimal
print(math.isqrt(10 ** 40), math.isqrt(2 * 10 ** 60))
digits = str(math.isqrt(2 * 10 ** 100))
print("sqrt(2) =", digits[0] + "." + digits[1:51])
pi_digits = []


def pi_spigot(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))


print("pi =", pi_spigot(40))

# rounding: banker's rounding for ints/floats, and exact half-up with integers
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5)], round(1234567, -3), round(-1250, -2), round(1350, -2))


def round_half_up(num, den, places):
    scaled = num * 10 ** places
    q, r = divmod(scaled, den)
    if 2 * r >= den:
        q += 1
    sign = "-" if q < 0 else ""
    q = abs(q)
    s = str(q).rjust(places + 1, "0")
    return f"{sign}{s[:-places]}.{s[-places:]}"


print(round_half_up(1, 8, 2), round_half_up(2, 3, 4), round_half_up(12345, 1000, 2), round_half_up(5, 1000, 2))

big = 3 ** 200
print(len(str(big)), big % 1000007, big.bit_length(), (-big) >> 300, big >> 310, big & 0xFFFF, (big ^ (big >> 1)) % 97)
print(int("1" * 50, 2), int("zz", 36), format(2 ** 100, "x"), format(-255, "#b"), (10 ** 30).to_bytes(13, "little").hex())
print(divmod(-(10 ** 20), 7), divmod(10 ** 20, -7), -(10 ** 20) // 7, (10 ** 20) % -7)
print(math.prod(range(1, 30)) == math.factorial(29), sum(int(c) for c in str(2 ** 1000)))
print((2 ** 64).__index__(), int.bit_count(2 ** 100 - 1), abs(-(2 ** 70)), (2 ** 70) ** 0.5)
