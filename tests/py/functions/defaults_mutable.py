def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2))
print(append_to(3, []))
print(append_to.__defaults__)
def safe(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe(1), safe(2))
n = 5
def captured(v=n):
    return v
n = 10
print(captured())
def f(a, b=2, *, c=3, d):
    return a, b, c, d
print(f.__defaults__, f.__kwdefaults__)
f.__defaults__ = (20,)
f.__kwdefaults__ = {"c": 30, "d": 40}
print(f(1))
def nodef(a): pass
print(nodef.__defaults__, nodef.__kwdefaults__)
calls = []
def side():
    calls.append("evaluated")
    return 0
def once(x=side()):
    return x
once(); once()
print(calls)
