# A metaclass with a plain Python base: the class's __dict__ is still type's
# mappingproxy (CPython hands off to the built-in base's descriptor).
class Base:
    pass
class Meta(Base, type):
    pass
class C(metaclass=Meta):
    x = 1
print(sorted(k for k in C.__dict__ if not k.startswith("__")))
print(type(C).__mro__)
c = C()
print(hasattr(C, "__dict__"), vars(C)["x"])
print(type(C.__dict__).__name__, C.__dict__["x"])
try:
    C.__dict__ = {}
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
b = Base(); b.y = 2; print(b.__dict__)
class E(Exception): pass
e = E(); e.z = 3; print(e.__dict__)
