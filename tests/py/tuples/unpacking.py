a, (b, c), *d = 1, (2, 3), 4, 5
print(a, b, c, d)
for i, (x, y) in enumerate([(1, 2), (3, 4)]):
    print(i, x + y)
(a, b), (c, d) = "ab", [1, 2]
print(a, b, c, d)
def f():
    return 1, 2, 3
*init, last = f()
print(init, last)
try:
    a, b = (1, 2, 3)
except ValueError as e:
    print(type(e).__name__)
try:
    (a, b), c = (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
swap = [1, 2, 3]
swap[0], swap[2] = swap[2], swap[0]
print(swap)
