x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
class C:
    base = 5
    vals = list(i for i in range(3))
    try:
        bad = list(base + i for i in range(3))
    except NameError as e:
        bad = "NameError"
print(C.vals, C.bad)
def f():
    y = 1
    return list(y + i for i in range(3))
print(f())
it = iter([1, 2, 3])
g = (a * b for a in it for b in [1, 10])
print(list(g))
