def f(a, b, c=0, *args, d=1, **kw):
    return a, b, c, args, d, kw
print(f(*[1, 2]))
print(f(*[1, 2, 3, 4, 5]))
print(f(**{"a": 1, "b": 2, "d": 9}))
print(f(1, *[2], 3, *(4,), d=5, **{"e": 6}, **{"g": 7}))
args = (1, 2)
kwargs = {"c": 3}
print(f(*args, **kwargs))
print(*[1, 2, 3], sep="-")
print(*"abc")
print(*range(0))
try:
    f(1, 2, **{"d": 1}, **{"d": 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(*5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    f(**[1])
except TypeError as e:
    print(type(e).__name__, e)
