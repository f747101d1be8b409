print(1 + 2.0, 3 * 1.5, 7 / 2, 7 // 2.0, 7 % 2.5, 2 ** 0.5 * 2 ** 0.5 == 2.0)
print(type(1 + 1.0).__name__, type(1 + True).__name__, type(1.0 + True).__name__, type(1 + 1j).__name__)
print(10 ** 20 + 0.5, 10 ** 16 + 1.0)
print(1 / 3 + 1 / 3 + 1 / 3 == 1.0, 0.1 * 3)
try:
    10 ** 400 + 1.0
except OverflowError as e:
    print(type(e).__name__, e)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
print(10 ** 400 > 1e308, 10 ** 400 < float("inf"))
print(3 == 3.0000000000000001, 2 ** 1000 == 2.0 ** 1000, 2 ** 1000 + 1 == 2.0 ** 1000)
print(int(2.0 ** 1000) == 2 ** 1000)
