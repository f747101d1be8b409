print(sum([1, 2, 3]), sum([1, 2], 10), sum([], 5), sum([[1], [2]], []), sum([0.5, 0.25]), sum(range(101)), sum([True, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(type(e).__name__, e)
try:
    sum([1, "a"])
except TypeError as e:
    print(type(e).__name__, e)
print(sum([(1,), (2,)], ()), sum(x * x for x in range(4)), sum([1, 2], start=3))
print(any([]), all([]), any([0, "", None]), any([0, 1]), all([1, "a", [0]]), all([1, 0]))
log = []
def t(v):
    log.append(v)
    return v
print(any(t(x) for x in [0, 1, 2]), log)
log.clear()
print(all(t(x) for x in [1, 0, 2]), log)
