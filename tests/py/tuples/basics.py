t = (1, "a", [2], (3,))
print(t, len(t), t[1], t[-1], t[1:3], t[::-1], t.count(1), t.index("a"))
print((), (1,), tuple(), tuple("ab"), tuple([1, 2]), tuple(range(3)), 1, (1), type((1)).__name__)
t[2].append(9)
print(t)
try:
    t[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    t.index("z")
except ValueError as e:
    print(type(e).__name__, e)
try:
    t[10]
except IndexError as e:
    print(type(e).__name__, e)
print((1, 2) + (3,), (1,) * 3, (1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, 2) == (1, 2))
a, b, *c = (1, 2, 3, 4)
print(a, b, c)
x = 1, 2
print(x, type(x).__name__)
