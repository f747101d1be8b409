print(not 0, not "", not [0], not None)
vals = [0, 1, "", "a", [], [0], None, 0.0, -0.0, 0j, float("nan")]
print([bool(v) for v in vals])
print(0 or [] or {} or "end", 1 and "x" and [1])
print((1 and 0) or "fallback")
print([] and 1 / 0)
x = None
y = x or 5
print(y)
