# Which error wins when the parser fails before the tokenizer's error: CPython
# tokenizes as its parser asks, reports 'unexpected indent/unindent' as is, and
# otherwise lets an error its tokenizer raises itself (bad string or number)
# replace the parser's, but not one it only flags (indentation, line
# continuation, end of input).
srcs = ["x = 1\n\tif y:\n  pass", "a b\n\tif y:\n  pass", "a b\nx = 'abc", "a b\nx = \"\"\"abc", "if 1:\n    x = 1\n  y = 2",
        "if 1:\n  x = (\n1\n y = 2", "x = 1\n  y = 2\nz = 'unterminated", "def f(:\n    x = $", "x = 1 +\ny = 'abc",
        "x = 1\n y = 2\n\tz = 3", "1 +\n\t2", "print 'x'\n\tfoo\n  bar", "for x in y\n  s = 'oops", "x = (1,\n2\nif x:\n  y = 'q",
        "def f():\n\tx = 1\n        y = 2", "x = 0777\ny = 'a", "@\nx = 'u", "a = 1\nb = 2\n   c = 3\n d = 4", "x = 1\n$", "$\nx = 'a"]
for s in srcs:
    try:
        compile(s, "<test>", "exec")
        print(repr(s), "-> OK")
    except SyntaxError as e:
        print(repr(s), "->", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
srcs = ["a b\nx = 1 +\\ z", "a b\n\tx\n  y", "a b\nx = (", "a b\ny = 1\\", "if x:\npass\ny = 'q", "  x = 1\ny = 'q", "if x:\n  a\n b\nc = 'q",
        "x = (1\ny = 'q", "a b\nx = 5j7", "a b\nx = 0b2", "a b\nx = 1_", "a b\nc = '\\N{xx}'", "f(**k, *a)\nx = 'q", "x = [1, 2)\ny = 'q", "x = (1, 2]\n", "a b\nx = )"]
for s in srcs:
    try:
        compile(s, "<test>", "exec")
        print(repr(s), "-> OK")
    except SyntaxError as e:
        print(repr(s), "->", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
