print(list(enumerate("abc")), list(enumerate("ab", start=10)), list(enumerate([], 5)), list(enumerate("x", -1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1])), list(zip("ab", "cd", "ef")))
print(list(zip([1, 2], [3, 4], strict=True)))
for args in (([1, 2], [3]), ([1], [2, 3]), ([1, 2], [1, 2], [1])):
    try:
        list(zip(*args, strict=True))
    except ValueError as e:
        print(type(e).__name__, e)
pairs = [(1, "a"), (2, "b")]
nums, chars = zip(*pairs)
print(nums, chars)
e = enumerate("xy")
print(next(e), type(e).__name__, list(e))
