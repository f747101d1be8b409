data = [("a", 2), ("b", 1), ("c", 2), ("d", 1)]
print(max(data, key=lambda t: t[1]), min(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1]), sorted(data, key=lambda t: t[1], reverse=True))
print(max([], key=len, default="none"), min("bca", key=ord), max([3, 1, 3.0], key=int))
