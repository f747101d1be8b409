# struct.pack's errors for integers out of range, for every integer code and
# byte-order prefix. Only cases where CPython 3.11 and 3.14 print the same
# message are listed (3.14 reads "'X' format requires lo <= number <= hi" for
# every out-of-range value; 3.11 still varied with the prefix and magnitude).
import struct


def attempt(fmt, v):
    try:
        struct.pack(fmt, v)
        return "ok"
    except (struct.error, OverflowError) as e:
        return type(e).__name__ + ": " + str(e)


for p in "<>=!@":
    for c, vals in [("i", [2 ** 31, -2 ** 31 - 1, 2 ** 32, 2 ** 31 - 1, -2 ** 31]),
                    ("I", [2 ** 32, 2 ** 40, 2 ** 32 - 1, 0]),
                    ("b", [-128, 127]), ("B", [0, 255]), ("h", [-32768, 32767]), ("H", [65535]),
                    ("q", [-2 ** 63, 2 ** 63 - 1]), ("Q", [2 ** 64 - 1])]:
        print(p + c, [attempt(p + c, v) for v in vals])
for p in "<>=!":
    print(p + "l", [attempt(p + "l", v) for v in [2 ** 31, -2 ** 31 - 1, 2 ** 32, 5]])
    print(p + "L", [attempt(p + "L", v) for v in [2 ** 32, 2 ** 40, 7]])
for p in ">!":
    print(p + "h", [attempt(p + "h", v) for v in [32768, -32769, 2 ** 31]])
    print(p + "H", [attempt(p + "H", v) for v in [65536, 2 ** 31]])
for p in "<>=!@":
    for c in "bBhHiIlLqQ?":
        print(p + c, attempt(p + c, "x"), attempt(p + c, 1.5), attempt(p + c, None))
    print(p + "e", attempt(p + "e", "x"), attempt(p + "e", 1e300), attempt(p + "e", 70000.0), attempt(p + "e", -1))
print(attempt("n", "x"), attempt("N", 1.5), attempt("n", 2 ** 63 - 1), attempt("N", 2 ** 64 - 1))
print(struct.pack("<I", 2 ** 32 - 1), struct.pack(">h", -32768), struct.pack("=Q", 2 ** 64 - 1), struct.pack("!b", -1))
