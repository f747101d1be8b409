print(sorted([3, 1, 2]), sorted("bca"), sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
print(min(3, 1, 2), max([1, 5, 3]), min("hello"), max("abc", "abd"), min([], default="empty"), max((), default=None))
print(min([-3, 2, 1], key=abs), max(["aa", "b", "cc"], key=len), min([(1, "b"), (1, "a")]))
for f, a, k in [(min, ([],), {}), (max, (), {}), (min, (1,), {}), (max, ([1, 2],), {"default": 0, "x": 1})]:
    try:
        f(*a, **k)
    except (ValueError, TypeError) as e:
        print(f.__name__, type(e).__name__)
try:
    max(1, "a")
except TypeError as e:
    print(type(e).__name__, e)
print(max([1, 1.0]), max([1.0, 1]), min([0, False]), max(x for x in [4, 9, 2]))
