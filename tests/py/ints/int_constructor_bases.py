for s in ["0x1F", "0X1f", "0o17", "0O17", "0b11", "0B11", "17", "0_7" if False else "7"]:
    print(s, int(s, 0))
for base in range(2, 37, 5):
    print(base, int("11", base), int("1" * 10, base))
digits = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, b):
    if n == 0:
        return "0"
    out = ""
    neg = n < 0
    n = abs(n)
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return "-" * neg + out
for n in (0, 255, -255, 10 ** 12):
    print([to_base(n, b) for b in (2, 7, 16, 36)], all(int(to_base(n, b), b) == n for b in range(2, 37)))
