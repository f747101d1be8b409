print(int(3.9), int(-3.9), int(1e20), int(True), int(-0.0))
print(int(2.5e15), int(1.7976931348623157e308) > 0)
for v in (float("inf"), float("-inf"), float("nan")):
    try:
        int(v)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
for v in (None, [1], "1e3", 3j):
    try:
        int(v)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class HasInt:
    def __int__(self): return 7
class HasIndex:
    def __index__(self): return 9
class HasTrunc:
    def __trunc__(self): return 11
print(int(HasInt()), int(HasIndex()))
print(int("7"), int(" 7\n"), int("\t-7 "))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), type(round(2.4)).__name__)
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(5, 2))
print(float(2 ** 53), float(2 ** 53 + 1), float(-(2 ** 63)))
