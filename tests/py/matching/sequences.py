def m(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y] if x == y:
            return f"pair of same {x}"
        case [x, y]:
            return f"pair {x} {y}"
        case [first, *rest] if len(rest) > 3:
            return f"long, first={first} rest={rest}"
        case [first, *mid, last]:
            return f"first={first} mid={mid} last={last}"
for v in [[], [1], [2, 2], [1, 2], (3, 4), [1, 2, 3], list(range(6)), "ab", range(2)]:
    print(repr(v), m(v))
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a, b, c, d)
match (1, 2, 3):
    case (1, *_, 3):
        print("starts 1 ends 3")
