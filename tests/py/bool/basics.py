print(True, False, type(True).__name__, bool.__mro__)
print(True + True, True * 10, False - 1, True / 2, True // 1, -True, +False)
print(int(True), float(False), str(True), repr(False), True == 1, False == 0)
print(bool(), bool(0), bool(1), bool(""), bool("False"), bool([]), bool([False]), bool(None))
print(isinstance(True, int), issubclass(bool, int), True is True, (1 == 1) is True)
try:
    class B(bool): pass
except TypeError as e:
    print(type(e).__name__, e)
print(True & False, True | False, True ^ False, type(True | False).__name__, type(True + 0).__name__)
print(hash(True), hash(False), {True: "t", 1: "one"})
print(sum([True, True, False, True]), max(True, 2), sorted([True, False, 0, 1]))
