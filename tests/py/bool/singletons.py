print(bool(1) is True, bool(0) is False, (not 0) is True, (3 > 2) is True)
print(True.__class__ is bool, type(None)() is None, type(NotImplemented)() is NotImplemented, type(...)() is ...)
print(bool(5) is True, bool([]) is False)
try:
    bool.__new__(int)
except TypeError as e:
    print(type(e).__name__)
print(True.__and__(False), True.__or__(1), True.__xor__(True))
