import math
import sys
import random
from fractions import Fraction
from functools import reduce


def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y


def modinv(a, m):
    g, x, _ = egcd(a, m)
    if g != 1:
        raise ValueError(f"{a} has no inverse mod {m}")
    return x % m


def is_probable_prime(n, rounds=20):
    if n < 2:
        return False
    small = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37]
    for p in small:
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in small[:rounds]:
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


def next_prime(n):
    if n < 2:
        return 2
    n += 1
    if n % 2 == 0 and n != 2:
        n += 1
    while not is_probable_prime(n):
        n += 2
    return n


def crt(remainders, moduli):
    M = reduce(lambda a, b: a * b, moduli)
    total = 0
    for r, m in zip(remainders, moduli):
        Mi = M // m
        total += r * Mi * modinv(Mi, m)
    return total % M, M


def pi_digits(n):
    """Gibbons' unbounded spigot."""
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out


def fib_pair(n):
    if n == 0:
        return 0, 1
    a, b = fib_pair(n // 2)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n % 2 else (c, d)


def continued_fraction(x, terms=10):
    out = []
    for _ in range(terms):
        a = math.floor(x)
        out.append(a)
        frac = x - a
        if frac == 0:
            break
        x = 1 / frac
    return out


def convergents(cf):
    return [Fraction(reduce(lambda acc, a: a + 1 / acc, reversed(cf[:i]), Fraction(cf[i - 1])).limit_denominator(10 ** 12))
            for i in range(1, len(cf) + 1)] if False else _conv(cf)


def _conv(cf):
    h0, h1, k0, k1 = 1, cf[0], 0, 1
    out = [Fraction(h1, k1)]
    for a in cf[1:]:
        h0, h1 = h1, a * h1 + h0
        k0, k1 = k1, a * k1 + k0
        out.append(Fraction(h1, k1))
    return out


print([p for p in range(60) if is_probable_prime(p)])
print(is_probable_prime(2 ** 61 - 1), is_probable_prime(2 ** 61 + 1), is_probable_prime(561), is_probable_prime(10 ** 18 + 9))
print(next_prime(10 ** 12), next_prime(2 ** 64))
print(egcd(240, 46), modinv(17, 3120), pow(17, -1, 3120), math.gcd(2 ** 40, 6 ** 20), math.lcm(4, 6, 10))
try:
    modinv(6, 9)
except ValueError as e:
    print("ValueError:", e)
print(crt([2, 3, 2], [3, 5, 7]), crt([1, 2, 3, 4], [5, 7, 9, 11]))

rng = random.Random(2024)
p = next_prime(rng.getrandbits(128))
q = next_prime(rng.getrandbits(128))
n, phi, e = p * q, (p - 1) * (q - 1), 65537
d = pow(e, -1, phi)
msg = int.from_bytes(b"attack at dawn", "big")
c = pow(msg, e, n)
back = pow(c, d, n)
print(n.bit_length(), hex(c)[:20], back.to_bytes((back.bit_length() + 7) // 8, "big"))
print(d * e % phi, len(str(n)), str(n)[:10], n % 97)

print("".join(map(str, pi_digits(60))))
print(fib_pair(300)[0], len(str(fib_pair(10000)[0])), sum(int(ch) for ch in str(math.factorial(500))))
print(continued_fraction(math.sqrt(2)), continued_fraction(math.pi, 6), continued_fraction(Fraction(415, 93)))
print([str(f) for f in _conv(continued_fraction(math.pi, 5))])
print(math.isqrt(10 ** 100 + 1), math.isqrt(2 * 10 ** 60), 10 ** 50 // 7, -(10 ** 50) // 7, (10 ** 50) % -7, divmod(-10 ** 30, 12345))
print(2 ** 1000 % 10 ** 12, pow(3, 10 ** 18, 10 ** 9 + 7), (-2) ** 63, 7 ** 77 >> 200, ~(2 ** 100), (2 ** 100) & (2 ** 99 + 12345), (2 ** 70) ^ (2 ** 69))
print(int("9" * 100) + 1 == 10 ** 100, float(10 ** 308), 10 ** 308 * 10.0 if False else "skip", (10 ** 400) // (10 ** 399), 2 ** 0.5 == math.sqrt(2))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    math.factorial(-1)
except ValueError as e:
    print("ValueError:", e)
print(sys.get_int_max_str_digits())
try:
    str(10 ** 5000)
except ValueError as e:
    print("ValueError:", str(e)[:60])
sys.set_int_max_str_digits(0)
print(len(str(10 ** 5000)), str(3 ** 10000)[-10:])
sys.set_int_max_str_digits(5000)
try:
    int("1" * 5001)
except ValueError as e:
    print("ValueError:", e)
print(int("1" * 5000) % 1000)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-1), hash(-2), hash(10 ** 30), hash(1.5), hash(float(2 ** 61)), hash(Fraction(1, 3)))
print((12345678901234567890).bit_count() if hasattr(int, "bit_count") else "", (255).bit_length(), (-255).bit_length(), int.from_bytes((2 ** 100).to_bytes(13, "big"), "big") == 2 ** 100)
print(round(123456789, -3), round(-5, -1), round(15, -1), round(25, -1), round(2 ** 70 + 0.5), round(1e20), round(1.5e-10, 12))
print(math.comb(1000, 500) % 10 ** 9, math.perm(20), math.prod([Fraction(1, n) for n in range(1, 8)]), sum(Fraction(1, n) for n in range(1, 11)))
