def a():
    x = 0
    def b():
        def c():
            nonlocal x
            x += 1
            return x
        return c
    f = b()
    f(); f()
    return x
print(a())
def shadow():
    x = 1
    def inner():
        x = 2
        def innermost():
            nonlocal x
            x = 3
        innermost()
        return x
    return inner(), x
print(shadow())
def loop():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(5):
        add(i)
    return total
print(loop())
for src in ["nonlocal q", "def f():\n    nonlocal q\n", "def f(p):\n    def g():\n        global p\n        nonlocal p\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
