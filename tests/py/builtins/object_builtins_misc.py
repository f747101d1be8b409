print(id(None) == id(None), type(object()).__name__, isinstance(object(), object))
print(bool(object()), str(type(object()).__mro__))
o = object()
try:
    o.x = 1
except AttributeError as e:
    # 3.13+ appends "and no __dict__ for setting new attributes".
    print(type(e).__name__, str(e).startswith("'object' object has no attribute 'x'"))
print(issubclass(object, object), object.__bases__, type.__bases__, type(object).__name__)
print(NotImplemented, Ellipsis, None.__class__.__name__, __debug__)
print(memoryview(b"ab").tolist(), bytes(2), bytearray(1), frozenset(), complex(1), float(), int(), str(), list(), tuple(), dict(), set())
