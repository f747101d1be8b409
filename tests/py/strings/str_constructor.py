class A:
    def __str__(self): return "A-str"
    def __repr__(self): return "A-repr"
print(str(A()), repr(A()), [A()], (A(),), {"k": A()}, f"{A()}", "%s|%r" % (A(), A()))
print(str(1e100), str(-0.0), str(1 + 1j), str(True), str(...), str(NotImplemented), str(int))
print(str(b"bytes"), str(bytearray(b"ba")), str(range(3)), str(slice(1, 2)), str(frozenset()), str(set()))
print(str(object) , str(type(None)), str({}), str(()), str((1,)), str([]))
class S(str): pass
print(type(str(S("x"))).__name__, type(S("x")).__name__, S("x") == "x")
try:
    str(1, "utf-8")
except TypeError as e:
    print(type(e).__name__, e)
