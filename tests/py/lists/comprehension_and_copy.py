import copy
a = [[1, 2], [3, 4]]
b = a[:]
c = list(a)
d = copy.deepcopy(a)
a[0].append(99)
print(b, c, d, b is a, b[0] is a[0], d[0] is a[0])
grid = [[0] * 3 for _ in range(3)]
grid[1][1] = 5
bad = [[0] * 3] * 3
bad[1][1] = 5
print(grid, bad)
print([1, 2, 3] * 2, [[]] * 2, list(range(5)), list("abc"), list((1, 2)), list({1: 2}), list())
