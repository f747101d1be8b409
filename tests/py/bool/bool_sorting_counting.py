data = [3, 0, 5, 0, 1]
print(sum(x > 1 for x in data), sum(map(bool, data)), [bool(x) for x in data])
print(sorted(data, key=lambda x: x == 0), sorted(["b", "A", "c"], key=str.islower))
print(list(filter(None, [0, 1, "", "x", None, [], [1]])))
print(max([False, True, False]), min([True, False]), any([0, 0]), all([1, True]))
counts = {}
for flag in [True, False, True, True]:
    counts[flag] = counts.get(flag, 0) + 1
print(counts, counts[1])
