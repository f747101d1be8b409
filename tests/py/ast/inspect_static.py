# inspect.getattr_static and inspect.signature of classes without __init__:
# they need __name__/__qualname__/__objclass__ on getset and member
# descriptors and type.__text_signature__.
import inspect


class A:
    __slots__ = ("s",)
    x = 1

    @property
    def p(self):
        return 2


class B:
    def __init__(self, a, b=2, *, c):
        pass


class C(B):
    pass


class D:
    pass


a = A()
print(type(inspect.getattr_static(a, "p")).__name__)
print(inspect.getattr_static(a, "x"))
print(inspect.getattr_static(a, "missing", "default"))
try:
    inspect.getattr_static(a, "missing")
except AttributeError as e:
    print("AttributeError", e)

for cls in (A, B, C, D):
    print(cls.__name__, inspect.signature(cls))

d = type.__dict__["__dict__"]
print(d.__name__, d.__qualname__, d.__objclass__ is type)
m = A.__dict__["s"]
print(type(m).__name__, m.__name__, m.__qualname__, m.__objclass__ is A)
print(object.__text_signature__, list.__text_signature__, int.__text_signature__, A.__text_signature__)
print(inspect.signature(list), inspect.signature(enumerate))
