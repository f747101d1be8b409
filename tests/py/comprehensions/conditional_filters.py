nums = range(-5, 6)
print([n for n in nums if n > 0 if n % 2])
print([n if n > 0 else -n for n in nums])
print([n for n in nums if not n])
print([(n, "big") if abs(n) > 3 else n for n in nums if n % 2 == 0])
words = ["", "a", None, "bb", 0, "ccc"]
print([w for w in words if w])
print([w for w in words if isinstance(w, str) and len(w) > 1])
