# Module attributes and class attributes through specialised sites.
import math
import types


def pi():
    return math.pi


print([pi() for _ in range(20)][-1])
m = types.ModuleType("m")
m.x = 1


def get_x(mod):
    return mod.x


print([get_x(m) for _ in range(20)][-1])
m.x = 2
print(get_x(m))
del m.x
try:
    get_x(m)
except AttributeError as e:
    print("AttributeError:", e)
m.__getattr__ = lambda name: "module getattr " + name
print(get_x(m))


class Strength:
    REQUIRED = 0
    WEAK = 5

    @staticmethod
    def s():
        return "static"

    @classmethod
    def c(cls):
        return "class " + cls.__name__


class Sub(Strength):
    pass


def req(cls):
    return cls.REQUIRED


print([req(Strength) for _ in range(20)][-1], req(Sub))
Strength.REQUIRED = 1
print(req(Strength), req(Sub))
Sub.REQUIRED = 2
print(req(Strength), req(Sub))
Strength.REQUIRED = property(lambda self: 3)
print(type(req(Strength)).__name__)


def call_s(cls):
    return cls.s()


def call_c(cls):
    return cls.c()


print([call_s(Strength) for _ in range(20)][-1], [call_c(Sub) for _ in range(20)][-1])


class Meta(type):
    @property
    def REQUIRED(cls):
        return "meta property"


class WithMeta(metaclass=Meta):
    REQUIRED = "class attr"


print(req(WithMeta))


def doc(cls):
    return cls.__name__


print([doc(Strength) for _ in range(20)][-1], doc(Sub))
Sub.__name__ = "Renamed"
print(doc(Sub))
