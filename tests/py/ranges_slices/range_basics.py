r = range(10)
print(r, len(r), r[0], r[-1], r[2:5], r[::2], r[::-1], list(r[1:8:3]), 5 in r, 10 in r)
r2 = range(10, 0, -3)
print(list(r2), len(r2), r2[1], r2[-1], 4 in r2, 5 in r2, r2.index(7), r2.count(4))
print(range(0), list(range(5, 2)), len(range(-5)), range(1, 10, 2)[1:], range(3) == range(0, 3), range(0) == range(5, 2))
print(r.start, r.stop, r.step, r2.start, r2.stop, r2.step)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    r[10]
except IndexError as e:
    print(type(e).__name__, e)
try:
    r2.index(5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
print(hash(range(3)) == hash(range(0, 3, 1)), range(0, 3, 2) == range(0, 4, 2), list(reversed(range(4))))
