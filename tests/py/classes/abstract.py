from abc import ABC, abstractmethod, ABCMeta
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @property
    @abstractmethod
    def name(self): ...
    def describe(self):
        return f"{self.name} with area {self.area()}"
class Square(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    @property
    def name(self): return "square"
print(Square(3).describe())
try:
    Shape()
except TypeError as e:
    print(type(e).__name__, "abstract" in str(e))
class Half(Shape):
    def area(self): return 0
try:
    Half()
except TypeError as e:
    print(type(e).__name__, "name" in str(e))
print(sorted(Shape.__abstractmethods__), sorted(Half.__abstractmethods__), Square.__abstractmethods__)
class Iface(metaclass=ABCMeta):
    pass
Iface.register(int)
print(isinstance(5, Iface), issubclass(int, Iface), issubclass(str, Iface))
class Sized(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        return hasattr(C, "__len__") or NotImplemented
print(isinstance([], Sized), isinstance(5, Sized))
