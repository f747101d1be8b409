def m(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} rest={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
for v in [{"type": "point", "x": 1, "y": 2, "extra": 0}, {"type": "circle", "r": 5, "color": "red"}, {"type": "sq"}, {"a": 1}, {}, [1]]:
    print(v, "->", m(v))
from collections import defaultdict
dd = defaultdict(int, {"type": "point", "x": 0, "y": 0})
print(m(dd))
match {"k": None}:
    case {"k": None}:
        print("None value matched")
