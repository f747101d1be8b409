# Ints around the small/medium (2^62), 64-bit and 128-bit boundaries, where
# results move between tagged, inline two-limb and GMP representations.
B = [0, 1, -1, 7, -7, 2**62 - 1, 2**62, -2**62, -2**62 - 1, 2**63 - 1, 2**63,
     -2**63, -2**63 - 1, 2**64 - 1, 2**64, -2**64, 2**127 - 1, 2**127, -2**127,
     -2**127 - 1, 2**128 - 1, 2**128, -2**128, 3**90, -(3**90)]

for a in B:
    print("unary", a, -a, ~a, abs(a), +a, bool(a), a.bit_length(), a.bit_count())
    print("conv", str(a), repr(a), hex(a), oct(a), bin(a), format(a, ","), format(a, "_x"))
    print("float", float(a), int(float(a)), a == float(a), a < float(a) + 1e30)
    print("hash", hash(a), hash(a) == hash(float(a)) if float(a) == a else None)

for a in B:
    for b in B:
        row = [a + b, a - b, a * b, a & b, a | b, a ^ b, a < b, a <= b, a == b, a != b, a > b, a >= b]
        if b:
            row += [a // b, a % b, divmod(a, b)]
        print(row)

# Negative floor division and modulo across the boundaries.
for a in [2**62, -2**62, -2**62 - 1, 2**63 + 5, -2**63 - 5, 2**127 - 1, -2**127, 2**128 + 3]:
    for b in [-1, 2, -2, 3, -3, 2**62 + 1, -(2**62 + 1), 2**64 + 7, -(2**64 + 7), -2**127]:
        print(a, b, a // b, a % b, -a // b, -a % b)

# Shifts crossing 2^62, 2^64, 2^128.
for a in [1, -1, 3, -3, 2**61, -2**61, 2**62, -2**62 - 1, 2**100 + 1, -(2**100) - 1]:
    for s in [0, 1, 2, 60, 61, 62, 63, 64, 65, 66, 100, 126, 127, 128, 129, 300]:
        print(a << s, a >> s, (a << s) >> s == a)

# Results that come back down into the small range.
x = 2**62
print(x - 1, type(x - 1), (x * x) // x, (x * x) >> 62, (2**64 + 5) % 10, -(2**63) // 2**61)
print((2**63 + 10) - 2**63, 2**70 & 0xFF, (2**70 | 3) ^ 2**70)

# pow, to_bytes, round, int(), and conversions.
for base in [2, -2, 3, -3, 7, 2**31, -(2**31), 2**62]:
    for e in [0, 1, 2, 31, 62, 63, 64, 65, 126, 127, 128, 129]:
        print(base, e, base ** e)
print(pow(2**63 + 1, 3, 2**64 + 13), pow(-(2**70), 2, 2**65 - 1), pow(3, -1, 2**64 + 1))
for v in [2**63 - 1, 2**63, -2**63, 2**64 - 1, 2**127 - 1, -2**127]:
    n = (v.bit_length() + 8) // 8
    b = v.to_bytes(n, "little", signed=True)
    print(b.hex(), int.from_bytes(b, "little", signed=True) == v, round(v, -5), round(v, -19))
for s in ["9223372036854775808", "-9223372036854775809", "170141183460469231731687303715884105727",
          "-170141183460469231731687303715884105728", "340282366920938463463374607431768211456",
          "0x" + "f" * 32, "0b1" + "0" * 64, "zzzzzzzzzzzzzzzzzzzzzzzz"]:
    print(int(s, 0) if not s.startswith("z") else int(s, 36))
for f in [2.0**62, -2.0**62, 2.0**63, -2.0**63, 2.0**64, 1.5 * 2**100, -2.0**127, 2.0**127, 2.0**128, 1e38, -1e39]:
    print(int(f), int(f) == f, hash(int(f)) == hash(f))
# Rounding of int -> float at ties above 2^53.
for v in [2**64 + 2**11, 2**64 + 2**11 + 1, 2**64 + 3 * 2**11, 2**100 + 2**47, 2**100 + 3 * 2**47, -(2**64 + 2**11)]:
    print(float(v), v / 1, v / 3, 3 / v)

# Comparisons with floats near the boundaries.
for a in [2**63 - 1, 2**63, 2**64, 2**127, 2**128]:
    for f in [float(a), float(a) * 2, float(a) / 2, float("inf"), -float("inf")]:
        print(a < f, a == f, a > f)

# Hashes as dict keys: equal ints from different paths are one key.
d = {2**63: "a", -2**63: "b", 2**127: "c"}
print(d[2**62 * 2], d[-(2**62) * 2], d[(2**126) * 2], hash(2**61 - 1), hash(2**61), hash(-(2**61)), hash(2**122 + 5))

class MyInt(int):
    pass

m = MyInt(2**63 + 1)
print(m, m + 1, m * m, -m, type(m).__name__, int(m), type(int(m)).__name__, hash(m) == hash(2**63 + 1))
print(MyInt(5) + 2**64, MyInt(-2**127) - 1)
