sources = [
    "x = (1, 2",
    "if True\n    pass",
    "def f():\nreturn 1",
    "x = 'unterminated",
    "return 5",
    "  x = 1",
    "break",
    "f(**x, *y)",
    "del f()",
    "a = 1 +",
    "for x in range(3):\n    pass\n  y = 1",
    "nonlocal x",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled?!", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "|", e.lineno, e.offset, "|", e.filename)
try:
    eval("1 +* 2")
except SyntaxError as e:
    print("eval:", e.msg, e.lineno)
try:
    exec("x = 1\ny = (2\nz = 3\n")
except SyntaxError as e:
    print("exec:", e.msg, e.lineno)
e = SyntaxError("custom", ("file.py", 3, 5, "bad line\n"))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), str(e))
