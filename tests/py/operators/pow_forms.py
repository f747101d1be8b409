print(2 ** 10, 2 ** -1, (-2) ** 3, (-2) ** -2, 0 ** 0, 0.0 ** 0)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13), pow(-3, 3, 7), pow(3, 3, -7))
print(pow(3, -1, 7), pow(2, -3, 11), pow(38, -1, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(4 ** 0.5, 8 ** (1 / 3) == 2.0, (-8) ** 2, 2 ** 0.0)
print(type((-8) ** 0.5).__name__)
print(10 ** -2, 1.5 ** 2, 2 ** 100)
try:
    0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    0.0 ** -1
except ZeroDivisionError as e:
    print(type(e).__name__)
try:
    10.0 ** 400
except OverflowError as e:
    print(type(e).__name__)
print(pow(1, 10 ** 10), pow(-1, 10 ** 10 + 1), pow(5, 0, 1))
