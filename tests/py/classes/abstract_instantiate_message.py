# Instantiating an abstract class names its abstract methods as 3.11 does.
from abc import ABC, abstractmethod
import collections.abc as cabc

class Shape(ABC):
    @abstractmethod
    def area(self): ...

class Two(ABC):
    @abstractmethod
    def b(self): ...
    @abstractmethod
    def a(self): ...

class Bad(cabc.Mapping):
    pass

class Half(Two):
    def a(self): return 1

for cls in (Shape, Two, Bad, Half, cabc.Sequence):
    try:
        cls()
    except TypeError as e:
        print(cls.__name__, "->", e)
