print(int("42"), int("-17"), int("  +8  "), int("0"), int("-0"), int("1_000"))
print(int("ff", 16), int("FF", 16), int("0xff", 16), int("0xff", 0), int("0o17", 0), int("0b101", 0))
print(int("z", 36), int("10", 2), int("777", 8), int("zz", 36), int("-0x10", 0))
print(int("１２３"), int("\u0663\u0664"))
for s, base in [("", 10), ("abc", 10), ("1.5", 10), ("12", 2), ("0x10", 10), ("1__0", 10), ("_1", 10), ("010", 0), ("9", 8), ("1 2", 10), ("0b", 0)]:
    try:
        print(int(s, base))
    except ValueError as e:
        print(type(e).__name__, e)
for base in (1, 37, -1):
    try:
        int("1", base)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    int(10, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(int(b"12"), int(bytearray(b"-3")), int("00012"), int("0", 0), int("000", 0))
