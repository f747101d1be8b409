for v in [0.0, -0.0, 1.0, 0.5, 0.1, 3.14, 1e300, 5e-324, -2.0, float("inf"), float("nan")]:
    print(v.hex())
for s in ["0x1.0p0", "0x1p-1", "0x1.999999999999ap-4", "-0x1.8p1", "0X10", "inf", "0x1p1024" if False else "0x1.fffffffffffffp1023", "  0x3  "]:
    print(s, float.fromhex(s))
try:
    float.fromhex("0x1p2000")
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float.fromhex("zz")
except ValueError as e:
    print(type(e).__name__, e)
print(all(float.fromhex(x.hex()) == x for x in [0.1, 1 / 3, 1e-310, 12345.678]))
