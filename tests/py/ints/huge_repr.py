n = 7 ** 2000
s = str(n)
print(len(s), s[:30], s[-30:])
print(n % 1000000007, n.bit_length())
m = int("9" * 1000)
print(m + 1 == 10 ** 1000, len(str(m * m)))
print(hex(2 ** 256 - 1))
print(bin(2 ** 70)[:12], oct(8 ** 30))
f = 1
for i in range(2, 301):
    f *= i
print(len(str(f)), str(f)[:20], str(f).count("0"))
print(repr(-10 ** 50))
