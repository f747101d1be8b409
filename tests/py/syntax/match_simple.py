def desc(x):
    match x:
        case 0:
            return "zero"
        case 1 | 2:
            return "one or two"
        case int(n) if n < 0:
            return f"negative {n}"
        case str():
            return "a string"
        case [a, b]:
            return f"pair {a},{b}"
        case _:
            return "other"
for v in (0, 1, 2, -4, "s", [1, 2], 3.5, (7, 8)):
    print(repr(v), desc(v))
match = 5
case = 6
print(match + case)
