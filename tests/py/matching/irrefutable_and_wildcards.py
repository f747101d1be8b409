def m(v):
    match v:
        case (x, _, _):
            return f"triple starting {x}"
        case _:
            return "fallback"
print(m((1, 2, 3)), m((1, 2)), m("abc"))
for src in ["match x:\n    case _:\n        pass\n    case 1:\n        pass\n", "match x:\n    case y:\n        pass\n    case 2:\n        pass\n", "match x:\n    case [a, a]:\n        pass\n", "match x:\n    case 1 | y:\n        pass\n"]:
    try:
        compile(src, "<m>", "exec")
        print("ok")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
