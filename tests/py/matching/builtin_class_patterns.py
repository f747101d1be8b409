def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s) if s:
            return f"nonempty str {s}"
        case str():
            return "empty str"
        case list([int(), *_]):
            return "list starting with int"
        case list():
            return "list"
        case dict():
            return "dict"
        case tuple((a, b)):
            return f"2-tuple {a} {b}"
        case _:
            return "?"
for v in [True, 3, 2.5, "x", "", [1, "a"], ["a"], {}, (1, 2), (1,), None]:
    print(repr(v), kind(v))
