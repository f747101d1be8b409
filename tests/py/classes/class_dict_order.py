# A class's __dict__ lists the namespace first, then the __dict__ and
# __weakref__ descriptors, then the __doc__ and __hash__ that type creation
# adds (CPython's type_ready order). A docstring keeps its own place.
class Plain:
    def m(self): pass
class WithEq:
    x = 1
    def __eq__(self, o): return True
class Doc:
    "doc"
    def m(self): pass
class Slots:
    __slots__ = ("a", "b")
class EqHash:
    def __eq__(self, o): return True
    def __hash__(self): return 1
class Sub(WithEq):
    y = 2
class ListSub(list): pass
for c in [Plain, WithEq, Doc, Slots, EqHash, Sub, ListSub]:
    print(c.__name__, list(c.__dict__), c.__doc__, c.__hash__ is None)
print(list(vars(type("Dyn", (), {"z": 1, "__eq__": lambda s, o: 0}))))
class SlotDoc:
    __slots__ = ("__doc__", "v")
print(list(SlotDoc.__dict__), type(SlotDoc.__dict__["__doc__"]).__name__)
