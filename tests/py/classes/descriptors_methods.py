class Verbose:
    def __init__(self, name): self.name = name
    def __get__(self, obj, owner):
        print(f"get {self.name} obj={type(obj).__name__} owner={owner.__name__}")
        return 1
    def __set__(self, obj, value):
        print(f"set {self.name} = {value}")
    def __delete__(self, obj):
        print(f"delete {self.name}")
class C:
    v = Verbose("v")
c = C()
c.v
C.v
c.v = 10
del c.v
def f(self): return "bound to " + type(self).__name__
print(f.__get__(c, C)())
print(type(f.__get__(None, C)).__name__)
class Typed:
    def __init__(self, t): self.t = t
    def __set_name__(self, o, n): self.n = n
    def __get__(self, obj, o): return obj.__dict__[self.n] if obj else self
    def __set__(self, obj, v):
        if not isinstance(v, self.t):
            raise TypeError(f"{self.n} must be {self.t.__name__}")
        obj.__dict__[self.n] = v
class Person:
    age = Typed(int)
    name = Typed(str)
pp = Person()
pp.age = 3
pp.name = "x"
try:
    pp.age = "old"
except TypeError as e:
    print(e)
print(pp.age, pp.name)
