def sign(n):
    return "neg" if n < 0 else "zero" if n == 0 else "pos"
print([sign(n) for n in (-1, 0, 1)])
x = 5
print("big" if x > 3 else "small")
calls = []
def t(v):
    calls.append(v)
    return v
r = t("a") if t(False) else t("b")
print(r, calls)
print((1 if True else 2) + 10)
print(1 if False else 2 + 10)
f = (lambda: "L") if x else None
print(f())
print([i if i % 2 else -i for i in range(5)])
