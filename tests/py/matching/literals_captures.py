def m(v):
    match v:
        case 0 | 0.5:
            return "zero-ish"
        case "hello":
            return "greeting"
        case b"bytes":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case -1:
            return "minus one"
        case 1 + 2j:
            return "complex"
        case x:
            return f"captured {x!r}"
for v in [0, 0.5, 0.0, "hello", b"bytes", None, True, 1, -1, 1 + 2j, [1]]:
    print(repr(v), m(v))
