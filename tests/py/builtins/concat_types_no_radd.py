# Types whose + is sequence concatenation publish only __add__ (CPython's
# sq_concat has no reflected form), NoneType has no __or__ of its own
# (None | int goes through type.__ror__), and dataclasses and named tuples
# carry no 3.13 __replace__, so dir() and explicit dunder calls match 3.11.
import array
import collections
import copy
import dataclasses


def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)


for typ in (str, bytes, bytearray, list, tuple, collections.deque, array.array):
    print(typ.__name__, [n for n in ("__add__", "__radd__", "__mul__", "__rmul__", "__iadd__")
                         if hasattr(typ, n)])
t(lambda: [1].__radd__([2]))
t(lambda: "a".__radd__("b"))
t(lambda: None | int)
t(lambda: int | None)
t(lambda: None | None)
t(lambda: None | 1)
t(lambda: "__or__" in dir(type(None)))


class L(list):
    def __radd__(self, other):
        return "L.__radd__"


class T(tuple):
    def __add__(self, other):
        return ("T.__add__", tuple(self) + tuple(other))


print([1] + L([2]), L([1]) + [2], type(L([1]) + [2]).__name__, T((1,)) + (2,), (0,) + T((1,)))
t(lambda: super(L, L()).__radd__([1]))
print(sum([[1], [2]], []), sum([(1,), (2,)], ()), 2 * [1], 2 * "ab", 3 * b"x")
t(lambda: [1] + (2,))
t(lambda: 1 + "a")


@dataclasses.dataclass(frozen=True)
class D:
    x: int = 0
    y: int = 1


P = collections.namedtuple("P", "a b")
print("__replace__" in dir(D), "__replace__" in dir(P), P(1, 2)._replace(a=5), dataclasses.replace(D(), x=3))
if hasattr(copy, "replace"):
    copy.replace(D(), y=5)
# Generic aliases make unions themselves (list[int] | list[str] too).
t(lambda: list[int] | list[str])
t(lambda: list[int] | None)
t(lambda: None | list[int])
t(lambda: dict[str, int] | int)
t(lambda: list[int] | 5)
