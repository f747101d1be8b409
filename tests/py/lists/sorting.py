data = [5, 2, 8, 1, 9, 3]
print(sorted(data), sorted(data, reverse=True), data)
data.sort(); print(data)
words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
pairs = [(1, "b"), (0, "z"), (1, "a"), (0, "y")]
print(sorted(pairs), sorted(pairs, key=lambda p: p[0]), sorted(pairs, key=lambda p: p[0], reverse=True))
recs = [("x", 3), ("y", 1), ("z", 3), ("w", 1)]
print(sorted(recs, key=lambda r: r[1]))
for bad in ([1, "a", 2], [None, 1], [[1], (1,)], [1j, 2j]):
    try:
        sorted(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(sorted([3, 1.5, True, 2]), sorted("hello"), sorted({3: 0, 1: 0}), sorted([]), sorted([[2], [1, 5], [1]]))
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
l = [3, 1, 2]
def k(x):
    l.append(x)
    return x
try:
    l.sort(key=k)
except ValueError as e:
    print(type(e).__name__, e)
