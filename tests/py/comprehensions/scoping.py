x = "global"
print([x for x in range(3)], x)
i = 100
r = [i for i in range(3)]
print(i)
def f():
    y = 5
    return [y * z for z in range(3)]
print(f())
class C:
    a = 10
    lst = [a for _ in range(1)] if False else None
    def m(self):
        return [self.a + k for k in range(2)]
print(C().m())
class D:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(D.doubled)
class E:
    n = 3
    try:
        bad = [n for _ in range(2)]
    except NameError as e:
        bad = str(e)
print(E.bad)
def g():
    return [lambda: k for k in range(3)]
print([h() for h in g()])
