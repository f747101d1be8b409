def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for p in permutations(items[:i] + items[i + 1:]):
            yield [x] + p
print(["".join(p) for p in permutations("abc")])
def walk(d, prefix=""):
    for k, v in d.items():
        if isinstance(v, dict):
            yield from walk(v, prefix + k + ".")
        else:
            yield prefix + k, v
print(list(walk({"a": 1, "b": {"c": 2, "d": {"e": 3}}, "f": 4})))
def subsets(s):
    if not s:
        yield ()
        return
    for rest in subsets(s[1:]):
        yield rest
        yield (s[0],) + rest
print(sorted(subsets((1, 2, 3))))
