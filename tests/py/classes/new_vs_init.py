class Single:
    _inst = None
    def __new__(cls, *a):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
            print("created")
        return cls._inst
    def __init__(self, v):
        print("init", v)
        self.v = v
a = Single(1)
b = Single(2)
print(a is b, a.v)
class Other:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(Other())
class UpperStr(str):
    def __new__(cls, v):
        return super().__new__(cls, v.upper())
print(UpperStr("abc"), type(UpperStr("x")).__name__, UpperStr("q") + "r")
class InitReturns:
    def __init__(self):
        return 5
try:
    InitReturns()
except TypeError as e:
    print(type(e).__name__, e)
try:
    object.__new__(int)
except TypeError as e:
    print(type(e).__name__, e)
