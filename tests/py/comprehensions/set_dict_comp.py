print(sorted({x % 5 for x in range(20)}))
print({k: v for k, v in zip("abc", range(3))})
print({v: k for k, v in {"a": 1, "b": 2}.items()})
print({x: x ** 2 for x in range(5) if x % 2})
print({(x, y): x * y for x in range(2) for y in range(2)})
words = ["apple", "bob", "cat", "avocado", "banana"]
groups = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
print(groups)
print({len(w) for w in words} == {3, 5, 6, 7})
print({k: k for k in "aaa"})
