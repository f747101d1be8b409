# Assigning __bases__: validation errors, MRO and slot refresh, subclasses follow.
class A:
    def who(self):
        return "A"
class B:
    def who(self):
        return "B"
    def __add__(self, other):
        return "B.add"
class C(A):
    pass
class D(C):
    pass

def attempt(f):
    try:
        f()
        print("ok")
    except Exception as e:
        print(type(e).__name__, e)

def set_c(v):
    C.__bases__ = v

attempt(lambda: set_c([A]))
attempt(lambda: set_c(()))
attempt(lambda: set_c((1,)))
attempt(lambda: set_c((D,)))
attempt(lambda: set_c((C,)))
attempt(lambda: set_c((int,)))
attempt(lambda: set_c((A, A)))
print(C.__mro__, D().who())
attempt(lambda: set_c((B,)))
print(C.__bases__, C.__base__, D.__mro__, D().who(), D() + 1)
print(A.__subclasses__(), B.__subclasses__(), issubclass(D, B), issubclass(D, A))
attempt(lambda: set_c((A, B)))
print([k.__name__ for k in D.__mro__], D().who())
def delete():
    del C.__bases__
attempt(delete)
def builtin():
    int.__bases__ = (object,)
attempt(builtin)
class T(tuple):
    pass
attempt(lambda: setattr(T, "__bases__", (object,)))
attempt(lambda: setattr(T, "__bases__", (tuple,)))
class E(Exception):
    pass
attempt(lambda: setattr(E, "__bases__", (ValueError,)))
print(E.__mro__, isinstance(E(), ValueError))
try:
    raise E("x")
except ValueError as e:
    print("caught as ValueError:", e)
attempt(lambda: setattr(A, "__bases__", (A,)))

# typing.NamedTuple assigns __bases__ while building the class.
from typing import NamedTuple
class Pair(NamedTuple):
    left: int
    right: str = "r"
p = Pair(1)
print(p, p._fields, p._field_defaults, Pair.__bases__, isinstance(p, tuple), p._replace(left=5))
