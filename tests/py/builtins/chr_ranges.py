# chr(): an int outside the C int range is OverflowError, one outside the
# code point range ValueError, as CPython (which converts to a C int first).
for n in [65, 0x10FFFF, 0x110000, -1, 2**31 - 1, 2**31, -2**31, -2**31 - 1, 2**40, 2**100, True]:
    try:
        print(hex(n), repr(chr(n)) if n < 0x110000 and n >= 0 else chr(n))
    except (OverflowError, ValueError) as e:
        print(hex(n), type(e).__name__, e)


class Idx:
    def __index__(self):
        return 2**33


for bad in [Idx(), 1.0, "a", None]:
    try:
        chr(bad)
    except (OverflowError, TypeError) as e:
        print(type(e).__name__, e)
