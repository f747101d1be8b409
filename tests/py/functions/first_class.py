def square(x): return x * x
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
inc = lambda x: x + 1
print(compose(square, inc)(3), compose(inc, square)(3))
ops = {"sq": square, "inc": inc, "neg": lambda x: -x}
print({k: v(4) for k, v in ops.items()})
print(list(map(square, range(5))))
def apply_n(fn, n, x):
    for _ in range(n):
        x = fn(x)
    return x
print(apply_n(inc, 10, 0), apply_n(square, 3, 2))
funcs = [square, inc]
print([f.__name__ for f in funcs])
print(square == square, square != inc)
def curry(f):
    def a(x):
        def b(y):
            return f(x, y)
        return b
    return a
print(curry(pow)(2)(10))
