m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for i, row in enumerate(m)], [m[i][2 - i] for i in range(3)])
t = [list(r) for r in zip(*m)]
print(t)
rot = [list(r) for r in zip(*m[::-1])]
print(rot)
def matmul(a, b):
    return [[sum(x * y for x, y in zip(r, c)) for c in zip(*b)] for r in a]
print(matmul(m, m))
print(sum(map(sum, m)), max(map(max, m)), [sum(c) for c in zip(*m)])
flat = [x for r in m for x in r]
print(flat, [flat[i:i + 2] for i in range(0, len(flat), 2)])
