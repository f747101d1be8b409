people = [("bob", 25), ("amy", 30), ("bob", 20), ("cal", 25)]
print(sorted(people), sorted(people, key=lambda p: (p[1], p[0])), max(people), min(people, key=lambda p: p[1]))
print((1, "a") < (1, "b"), (0,) < (0, 0), () < (0,), (1, 2, 3) > (1, 2))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print((1, float("nan")) == (1, float("nan")), (None,) == (None,))
