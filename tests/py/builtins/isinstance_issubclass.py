print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance(1.0, (str, float)), isinstance([], (list, tuple)))
print(issubclass(bool, int), issubclass(int, (str, object)), issubclass(list, list), issubclass(type, object), isinstance(int, type))
print(isinstance(None, object), isinstance(object, object), isinstance(1, int | str), issubclass(bool, int | None))
class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == "magic"
class Magic(metaclass=Meta): pass
print(isinstance("magic", Magic), isinstance("other", Magic), isinstance(Magic(), Magic))
from collections.abc import Iterable, Sized, Hashable, Callable, Mapping, Sequence
print(isinstance([], Iterable), isinstance(5, Iterable), isinstance({}, Mapping), isinstance("s", Sequence), isinstance(len, Callable))
print(isinstance([], Hashable), isinstance((), Hashable), issubclass(dict, Sized), isinstance(range(3), Sequence))
try:
    isinstance(1, "int")
except TypeError as e:
    print(type(e).__name__, e)
