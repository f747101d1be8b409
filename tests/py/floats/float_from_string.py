for s in ["3.14", "-0", "+1.5", "1e5", "1E-5", ".5", "5.", "inf", "-Infinity", "nan", "NaN", "-nan", "  7  ", "1_0.5", "0x10" if False else "16"]:
    print(repr(s), float(s))
for s in ["", "abc", "1.2.3", "1e", "--1", "1_", "in f", "0x10", "1__0"]:
    try:
        float(s)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    float(None)
except TypeError as e:
    print(type(e).__name__, e)
print(float(b"1.5"), float(True), float(10 ** 20), float("1" * 400) if False else float("1e400"))
class F:
    def __float__(self): return 2.5
class I:
    def __index__(self): return 3
print(float(F()), float(I()))
