p = 2 ** 61 - 1
print(pow(3, p - 1, p), pow(12345, -1, p) * 12345 % p)
def modinv(a, m):
    g, x = m, 0
    a0, x0 = a, 1
    while a0:
        q = g // a0
        g, a0 = a0, g - q * a0
        x, x0 = x0, x - q * x0
    return x % m
print(modinv(17, 3120), pow(17, -1, 3120))
def miller_rabin(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2; s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(90, 130) if miller_rabin(n)], miller_rabin(p), miller_rabin(2 ** 89 - 1), miller_rabin(2 ** 67 - 1))
