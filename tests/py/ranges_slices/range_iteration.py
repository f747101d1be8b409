total = 0
for i in range(100, 0, -7):
    total += i
print(total)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "done"), type(it).__name__)
r = range(5)
print(list(zip(r, r[1:])), [r[i] for i in range(-1, -6, -1)], list(enumerate(range(2, 4))))
print(list(map(lambda x: x * x, range(5))), sorted(range(5), reverse=True))
print(range(3).__reversed__().__class__.__name__, list(reversed(range(1, 10, 4))))
