# A class made by a metaclass keeps its namespace in type.__dict__ (a
# mappingproxy); the metaclass adds no instance __dict__ of its own.
class Meta(type):
    pass

class C(metaclass=Meta):
    x = 1
    def f(self): return 2

print(type(C.__dict__).__name__)
print(sorted(k for k in C.__dict__ if not k.startswith('__')))
print(C.__dict__['x'], C.__dict__.get('f').__name__, 'missing' in C.__dict__)
C.y = 5
print(C.__dict__['y'], sorted(k for k in vars(C) if not k.startswith('__')))
print(sorted(Meta.__dict__.keys()))
D = Meta('D', (), {'a': 1, 'b': 2})
print(sorted(k for k in D.__dict__ if not k.startswith('__')), D.a)

class Registry(type):
    classes = []
    def __new__(mcs, name, bases, ns):
        cls = super().__new__(mcs, name, bases, ns)
        mcs.classes.append((name, sorted(k for k in cls.__dict__ if not k.startswith('_'))))
        return cls
class Plugin(metaclass=Registry):
    name = 'base'
class Audio(Plugin):
    name = 'audio'
    def play(self): pass
print(Registry.classes)

# enum.EnumType.__setattr__ reads cls.__dict__ to refuse reassigning members.
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
try:
    Color.RED = 5
except AttributeError as e:
    print('AttributeError:', e)
try:
    del Color.GREEN
except AttributeError as e:
    print('AttributeError:', e)
print(Color.RED, Color(1), list(Color))

