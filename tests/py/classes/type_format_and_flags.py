# format() of a class uses type(cls).__format__ (type's, via object), not the
# unbound __format__ found in the class's own namespace; and type.__flags__
# carries CPython's bits for the properties inspect and copyreg test.
import abc
import inspect
from typing import Generic, TypeVar


class A:
    pass


class Fmt:
    def __format__(self, spec):
        return "Fmt<%s>" % spec


class Meta(type):
    def __format__(cls, spec):
        return "Meta<%s:%s>" % (cls.__name__, spec)


class WithMeta(metaclass=Meta):
    def __format__(self, spec):
        return "instance<%s>" % spec


print(f"{int}", format(int, ""), f"{A}", "{}".format(A), f"{Fmt}", f"{Fmt():x}")
print(f"{WithMeta}", f"{WithMeta:q}", f"{WithMeta():q}", format(WithMeta, "z"))
print(f"{int!r:>20}|", f"{str:}", format(type, ""))
try:
    format(int, "x")
except TypeError as e:
    print("TypeError", e)

T = TypeVar("T")


class Stack(Generic[T]):
    pass


try:
    Stack[int, str]
except TypeError as e:
    print("TypeError", e)


class Base(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass


class Impl(Base):
    def f(self):
        return 1


bits = (5, 6, 8, 9, 10, 12, 14, 17, 20, 24, 25, 26, 27, 28, 29, 30, 31)
for t in (int, bool, list, tuple, bytes, str, dict, type, BaseException, ValueError, object,
          float, Base, Impl, A, Meta):
    flags = t.__flags__
    print(t.__name__, [b for b in bits if flags >> b & 1], inspect.isabstract(t))
print(inspect.isabstract(Impl()), inspect.isabstract(len), type(int.__flags__).__name__)
Impl.__abstractmethods__ = frozenset({"g"})
print(inspect.isabstract(Impl), bool(Impl.__flags__ & (1 << 20)))
Impl.__abstractmethods__ = frozenset()
print(inspect.isabstract(Impl))
