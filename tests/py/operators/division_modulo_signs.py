pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (1, 10 ** 20)]
for a, b in pairs:
    print(a, b, a / b, a // b, a % b, divmod(a, b))
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2.0), (0.0, -1), (-0.0, 1), (5.0, 0.5)]
for a, b in fpairs:
    print(a, b, a / b, a // b, a % b, divmod(a, b))
print(-0.0 % 5, 0.0 % -5, 3 % float("inf"), -3 % float("inf"))
print(10 ** 30 // 7, -(10 ** 30) // 7, 10 ** 30 % 7, -(10 ** 30) % 7)
for expr in ["1 / 0", "1 // 0", "1 % 0", "divmod(1, 0)", "1.0 / 0", "1.0 // 0.0", "1 % 0.0", "2 ** -1 / 0"]:
    try:
        eval(expr)
    except ZeroDivisionError as e:
        print(expr, "->", type(e).__name__)
try:
    1 / 0
except ZeroDivisionError as e:
    print(e)
