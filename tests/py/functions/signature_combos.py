def full(a, b=2, /, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, kw)
print(full(1, d=4))
print(full(1, 2, 3, 4, 5, d=6, f=7))
print(full(1, c=30, d=40, e=50))
print(full(1, b=2, d=4))
try:
    full(1, 2, 3, c=4, d=5)
except TypeError as e:
    print(e)
def kw_and_posonly(a, /, **kw):
    return a, kw
print(kw_and_posonly(1, a=2))
code = full.__code__
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames)
print(bool(code.co_flags & 0x04), bool(code.co_flags & 0x08))
