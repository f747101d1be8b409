# CPython 3.11's "cannot assign to X here. Maybe you meant '==' instead of
# '='?" applies to any bitwise_or before the '=': a parenthesized group of any
# kind and a list comprehension count, a list or tuple display, a generator
# expression and True/None/False at the start do not. Also 3.11's wording
# for a few parameter and argument mistakes.
srcs = [
    "[x for x in y] = 1", "[x for x in y][0] + 1 = 2", "c, [a for a in b] = 1", "([a for a in b]) = 1",
    "(a < b) = 1", "(a and b) = 1", "(a if b else c) = 1", "(lambda: 1) = 1", "(x := 1) = 2",
    "a, (x := 1) = 2", "(not a) = 1", "((a, b)) + 1 = 2", "a, (b < c) = 1", "(True) + 1 = 2",
    "a < b = 1", "a and b = 1", "(a, b) + 1 = 2", "[a] + 1 = 2", "True + 1 = 2", "(a) < (b) = 1",
    "if (a < b) = 1: pass", "if [x for x in y] = 1: pass", "if [x] = 1: pass", "while (a and b) = c: pass",
    "if (True) = 1: pass", "if (a) < (b) = 1: pass", "if ((a, b)) + 1 = 2: pass", "if not a = 1: pass",
    "def f(/): pass", "def f(/, a): pass", "lambda /: 1", "lambda /, a: 1", "def f(**a, /): pass",
    "def f(*a, /): pass", "def f(a, /, /): pass",
    "class A(x for x in y): pass", "class A((x for x in y)): pass", "f(x for x in y)",
    "f(**k, *a)", "f(x, **k, *a.b)", "f(**k, a=1, *a)",
]
for s in srcs:
    try:
        compile(s, "<test>", "exec")
        print(repr(s), "-> OK")
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
