for a, b in [(12, 10), (-12, 10), (12, -10), (-12, -10), (0, -1), (-1, -1)]:
    print(a, b, a & b, a | b, a ^ b)
print(~0, ~1, ~-2, ~(2 ** 100))
print(-1 >> 1, -1 >> 100, -8 >> 1, -7 >> 1, 7 >> 1, 1 << 100)
print(-1 << 3, -5 << 2)
print((-1) & 0xFF, (-256) & 0xFF, -(2 ** 70) & (2 ** 72 - 1))
print(2 ** 100 | 1, (2 ** 100 - 1) ^ (2 ** 99))
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
try:
    1 >> -1
except ValueError as e:
    print(type(e).__name__, e)
print(True & False, True | False, True ^ True, type(True & True).__name__, type(True & 1).__name__)
print(0b1010 & 0b0110, bin(0b1010 ^ 0b0110), hex(0xF0 | 0x0F))
