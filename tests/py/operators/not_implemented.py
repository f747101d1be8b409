class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__")
        return "B handled"
    def __eq__(self, o):
        print("B.__eq__")
        return NotImplemented
print(A() + B())
try:
    A() + A()
except TypeError as e:
    print(type(e).__name__, e)
print(A() == B())
a = A()
print(a == a)
class Sub(A):
    def __radd__(self, o):
        print("Sub.__radd__")
        return "subclass reflected first"
print(A() + Sub())
class Base:
    def __lt__(self, o):
        print("Base.__lt__")
        return NotImplemented
class Derived(Base):
    def __gt__(self, o):
        print("Derived.__gt__")
        return True
print(Base() < Derived())
try:
    Base() < Base()
except TypeError as e:
    print(type(e).__name__, e)
print(NotImplemented.__class__.__name__, repr(NotImplemented))
