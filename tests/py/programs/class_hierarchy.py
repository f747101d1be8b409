# Class hierarchies: super() chains, __init_subclass__, abc.ABC, properties with setters, descriptors.
import abc


class Registry(type):
    """Metaclass that records every concrete class by a short name."""
    classes = {}

    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        if not ns.get("abstract_marker"):
            mcls.classes[name.lower()] = cls
        return cls


class Positive:
    """Data descriptor validating positive numbers, using __set_name__."""

    def __set_name__(self, owner, name):
        self.public = name
        self.private = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private)

    def __set__(self, obj, value):
        if not isinstance(value, (int, float)):
            raise TypeError(f"{self.public} must be a number, not {type(value).__name__}")
        if value <= 0:
            raise ValueError(f"{self.public} must be positive, got {value}")
        setattr(obj, self.private, value)


class Shape(abc.ABC):
    kinds = []

    def __init_subclass__(cls, kind=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.kind = kind or cls.__name__.lower()
        Shape.kinds.append(cls.kind)

    def __init__(self, name):
        self.name = name
        self.trace = ["Shape"]

    @abc.abstractmethod
    def area(self):
        ...

    @property
    @abc.abstractmethod
    def sides(self):
        ...

    def describe(self):
        return f"{self.name} ({self.kind}): area={self.area():.2f} sides={self.sides}"

    def __repr__(self):
        return f"<{type(self).__name__} {self.name}>"


class Rect(Shape, kind="rectangle"):
    width = Positive()
    height = Positive()

    def __init__(self, name, w, h):
        super().__init__(name)
        self.trace.append("Rect")
        self.width, self.height = w, h

    def area(self):
        return self.width * self.height

    @property
    def sides(self):
        return 4

    @property
    def aspect(self):
        return self.width / self.height

    @aspect.setter
    def aspect(self, ratio):
        self.width = self.height * ratio

    @aspect.deleter
    def aspect(self):
        raise AttributeError("aspect cannot be deleted")


class Square(Rect):
    def __init__(self, name, side):
        super().__init__(name, side, side)
        self.trace.append("Square")

    @property
    def side(self):
        return self.width

    @side.setter
    def side(self, v):
        self.width = self.height = v


class Circle(Shape):
    radius = Positive()

    def __init__(self, name, r):
        super(Circle, self).__init__(name)
        self.radius = r

    def area(self):
        return 3.141592653589793 * self.radius ** 2

    sides = 0


# cooperative multiple inheritance
class Base:
    def __init__(self, **kw):
        self.order = ["Base"]
        if kw:
            raise TypeError(f"unexpected {sorted(kw)}")

    def hello(self):
        return ["Base"]


class Colored(Base):
    def __init__(self, color="black", **kw):
        super().__init__(**kw)
        self.color = color
        self.order.append("Colored")

    def hello(self):
        return ["Colored"] + super().hello()


class Named(Base):
    def __init__(self, label="?", **kw):
        super().__init__(**kw)
        self.label = label
        self.order.append("Named")

    def hello(self):
        return ["Named"] + super().hello()


class Widget(Colored, Named):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.order.append("Widget")

    def hello(self):
        return ["Widget"] + super().hello()


shapes = [Rect("r1", 3, 4), Square("s1", 5), Circle("c1", 1.5)]
for s in shapes:
    print(s.describe(), s.trace)
print(Shape.kinds, sorted(Shape.__abstractmethods__))
try:
    Shape("x")
except TypeError as e:
    print("TypeError:", "abstract class Shape" in str(e))


class Half(Shape):
    def area(self):
        return 0


try:
    Half("h")
except TypeError as e:
    print("TypeError:", "abstract method" in str(e), "sides" in str(e))

r = shapes[0]
r.aspect = 2
print(r.width, r.height, r.aspect, r.area())
for bad in ("x", -1, 0):
    try:
        r.width = bad
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    del r.aspect
except AttributeError as e:
    print("AttributeError", e)
sq = shapes[1]
sq.side = 7
print(sq.area(), sq.side, isinstance(sq, Rect), issubclass(Square, Shape), type(Rect.width).__name__)
try:
    sq.sides = 5
except AttributeError as e:
    print("AttributeError", e)
print(vars(shapes[2]), Circle.sides, Circle.kind, Rect.kind, Square.kind)

w = Widget(color="red", label="ok")
print(w.order, w.hello(), [c.__name__ for c in Widget.__mro__])
try:
    Widget(size=3)
except TypeError as e:
    print("TypeError:", e)


class Plugin(metaclass=Registry):
    abstract_marker = True

    def run(self):
        return f"{type(self).__name__} running"


class Alpha(Plugin):
    pass


class Beta(Alpha):
    def run(self):
        return super().run().upper()


print(sorted(Registry.classes), Registry.classes["beta"]().run(), type(Beta).__name__, isinstance(Beta, Registry))


class Temperature:
    def __init__(self, c=0.0):
        self._c = c

    celsius = property(lambda self: self._c, lambda self, v: setattr(self, "_c", float(v)), doc="degrees C")

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9


t = Temperature()
t.fahrenheit = 212
print(t.celsius, Temperature.celsius.__doc__, t.fahrenheit)
t.celsius = "37"
print(round(t.fahrenheit, 1), type(Temperature.fahrenheit).__name__, Temperature.fahrenheit.fset.__name__)
try:
    t.kelvin = 1
    print("set arbitrary attr ok", t.kelvin)
except AttributeError as e:
    print(e)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 1


s = Slotted()
try:
    print(s.b)
except AttributeError as e:
    print("AttributeError:", e)
try:
    s.c = 3
except AttributeError as e:
    print("AttributeError:", e)
print(Slotted.__slots__, hasattr(s, "__dict__"), type(Slotted.a).__name__)

class Counter:
    count = 0

    @classmethod
    def make(cls):
        cls.count += 1
        return cls()

    @staticmethod
    def helper(x):
        return x * 2


class SubCounter(Counter):
    pass


SubCounter.make()
SubCounter.make()
Counter.make()
print(Counter.count, SubCounter.count, Counter.helper(4), SubCounter().helper(5))
print(super(Square, sq).area(), Square.__bases__, Rect.__subclasses__())
