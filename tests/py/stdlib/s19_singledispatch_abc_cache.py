# functools.singledispatch re-dispatches after an ABC gains a virtual
# subclass (the dispatch cache follows abc's cache token, which
# functools.get_cache_token exposes); union-type registration too.
import abc
import collections.abc as cabc
import functools

print(functools.get_cache_token() == abc.get_cache_token(), "get_cache_token" in functools.__all__ if hasattr(functools, "__all__") else None)


class Shape(abc.ABC):
    pass


@functools.singledispatch
def describe(x):
    return "object"


@describe.register
def _(x: Shape):
    return "shape"


class Circle:
    pass


print(describe(Circle()))
before = functools.get_cache_token()
Shape.register(Circle)
print(describe(Circle()), functools.get_cache_token() != before)


@describe.register
def _(x: cabc.Sized):
    return "sized"


class Box:
    def __len__(self):
        return 0


print(describe(Box()), describe([1]), describe(3))


class Plain:
    pass


print(describe(Plain()))
cabc.Sized.register(Plain) if False else Shape.register(Plain)
print(describe(Plain()))


@describe.register(int | float)
def _(x):
    return "number"


print(describe(1), describe(2.5), describe(True), describe("s"))
print(describe.dispatch(Circle).__name__, sorted(t.__name__ for t in describe.registry))
