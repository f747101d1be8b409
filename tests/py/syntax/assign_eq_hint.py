# SyntaxErrors for bad assignment targets, with CPython 3.11's '==' hints:
# the last element of the first target, followed by '=', gets the hint when
# what follows the '=' starts with a bitwise_or not followed by '='.
SOURCES = [
    "a, b + 1 = 1, 2", "a, f() = 1, 2", "f(), a = 1, 2", "a, b + 1 = 1",
    "a, b + 1 = c = 2", "a, b + 1 = [1, 2]", "[a, b + 1] = 1, 2", "(a, b + 1) = 1, 2",
    "a, -b = 1, 2", "a, b.c + 1 = x, y", "a, 1 = 2, 3", "x = a, b + 1 = 1, 2",
    "a, b + 1 = (1, 2)", "a, b + 1 = 1 + 2, 3", "a, not b = 1, 2", "a, b < 1 = 1, 2",
    "a, b + 1 = yield", "f() = 1, 2", "f() = 1", "a.b, f() = 1, 2", "f() = (1, 2)",
    "x = f() = 1", "a, b + 1 = *c,", "a, b + 1 = -1, 2", "a, b + 1 = c if d else e, 2",
    "a, (b+1) = 1, 2", "a, [b] + 1 = 1, 2", "a, True = 1, 2", "a, b + 1 = 1, 2 = 3",
    "(yield) = 1", "1 = x", "True = 1", "f() = yield", "[a, 1] = 2", "x + 1 = y = 2",
    "None = 1, 2", "-x = 1", "not x = 1", "(x for x in y) = 1", "x.y + 1 = lambda: 1",
    "def f(a=1, b): pass", "lambda x=1, y: x", "def f(a, b=2, *c, d, e=3, f): pass",
]
for src in SOURCES:
    try:
        compile(src, "<s>", "exec")
        print("OK", src)
    except SyntaxError as e:
        print(repr(src), "|", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
