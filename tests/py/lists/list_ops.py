a = [1, 2, 3]
print(a + [4], a * 2, 2 * a, a == [1, 2, 3], a < [1, 2, 4], a > [1, 2], [] < [0], len(a), 2 in a, a[::-1])
print(max(a), min(a), sum(a), sorted(a, reverse=True), list(reversed(a)), any(a), all([]))
a += [4]; a *= 2
print(a)
x = [0]
x *= 0
print(x, [1] * 0, [1, 2] * -1)
print([1, [2, [3]]] == [1, [2, [3]]], [1, 2] != [2, 1], [float("nan")] == [float("nan")])
n = float("nan")
print([n] == [n], [n].count(n), n in [n])
l = [3, 1, 2]
print(l.sort(), l, l.reverse(), l, l.append(0), l)
