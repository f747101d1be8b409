print(int(1.9999999999999998), int(-1e-300), int(1e19), int(2.0 ** 100))
print(float(2 ** 100) == 2 ** 100, float(2 ** 100 + 1) == 2 ** 100)
print(float(12345678901234567890), float(-(2 ** 64)))
print((0.1).as_integer_ratio(), 3602879701896397 / 36028797018963968 == 0.1)
print(int(0.1 * 3 * 10), int(float("1e10")), int("10") / 4, 10 // 4.0)
print(float(int(1e17)) == 1e17, int(1e17), int(123456789.987654321))
for v in (1e16, 1e16 + 1, 1e16 + 2, 2.0 ** 60 + 1):
    print(repr(v), int(v))
