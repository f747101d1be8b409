# Cls(args) at a hot call site runs __init__ inline (CALL_ALLOC_AND_ENTER_INIT):
# results, errors, tracebacks, generators and recursion through it, and
# classes that change under the site.
import sys
import traceback


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make_many(cls, n):
    out = []
    for i in range(n):
        out.append(cls(i, i * 2))
    return out


ps = make_many(P, 50)
print(len(ps), ps[7].x, ps[7].y, type(ps[7]).__name__)


# __init__ returning something other than None, after the site is hot.
class Bad:
    def __init__(self, v):
        self.v = v
        if v >= 40:
            return v


def make_bad(n):
    got = []
    for i in range(n):
        try:
            got.append(Bad(i).v)
        except TypeError as e:
            got.append(str(e))
    return got


print(make_bad(42)[-4:])


class BadStr:
    def __init__(self, v):
        if v:
            return "s"


for i in range(30):
    try:
        BadStr(i > 25)
    except TypeError as e:
        print(i, e)


# An exception raised in __init__: traceback through the inlined frame.
class Fails:
    def __init__(self, v):
        if v == 33:
            raise ValueError("bad value %d" % v)
        self.v = v


def build_fails():
    for i in range(40):
        Fails(i)


try:
    build_fails()
except ValueError as e:
    tb = traceback.extract_tb(e.__traceback__)
    print(e, [f.name for f in tb])

# Caught in the caller and continued: the instance is dropped, the stack is fine.
count = 0
for i in range(60):
    try:
        x = Fails(i % 34)
        count += x.v
    except ValueError:
        count -= 1000
print(count)


# Wrong argument counts give Python's messages, hot or not.
def wrong(n):
    for i in range(n):
        try:
            P(i)
        except TypeError as e:
            last = str(e)
    return last


print(wrong(30))


def wrong_kw():
    for i in range(30):
        try:
            P(i, z=1)
        except TypeError as e:
            last = str(e)
    return last


print(wrong_kw())


# Recursion through __init__.
class Deep:
    def __init__(self, n):
        self.child = Deep(n - 1) if n else None


d = Deep(50)
depth = 0
while d is not None:
    depth += 1
    d = d.child
print(depth)


def recurse_forever():
    for _ in range(3):
        try:
            Deep(10 ** 6)
        except RecursionError as e:
            print("RecursionError", type(e).__name__)


recurse_forever()


# A generator running class instantiations, and __init__ calling a generator.
class Holder:
    def __init__(self, items):
        self.items = list(x * 2 for x in items)


def gen_instances(n):
    for i in range(n):
        yield Holder(range(i % 4))


print([len(h.items) for h in gen_instances(30)][-5:])


def gen_fails():
    for i in range(40):
        yield Fails(i)


try:
    for obj in gen_fails():
        pass
except ValueError as e:
    print("gen", e, [f.name for f in traceback.extract_tb(e.__traceback__)])


# The class changes under a hot site: new __init__, __new__, a metaclass
# __call__, abstract methods, __init__ deleted.
class Mutable:
    def __init__(self, a):
        self.a = a


def make_mutable(n):
    return [getattr(Mutable(i), "a", None) for i in range(n)]


print(make_mutable(30)[-1])


def init2(self, a):
    self.a = a * 100


Mutable.__init__ = init2
print(make_mutable(30)[-1])
del Mutable.__init__
try:
    make_mutable(3)
except TypeError as e:
    print(e)


def new(cls, a):
    o = object.__new__(cls)
    o.a = -a
    return o


Mutable.__new__ = new
print(make_mutable(30)[-1])


class Meta(type):
    def __call__(cls, *args):
        return ("meta", args)


class WithMeta(metaclass=Meta):
    def __init__(self, x):
        self.x = x


print([WithMeta(i) for i in range(30)][-1])


# __init__ replaced by something that is not a plain function.
class Swap:
    def __init__(self, v):
        self.v = v


def make_swap(n):
    return [Swap(i).v for i in range(n)]


print(make_swap(30)[-1])


Swap.__init__ = staticmethod(lambda v: None)
try:
    make_swap(3)
except AttributeError as e:
    print("AttributeError", e)


# Inheritance: the subclass's site, then a subclass that adds __init__.
class Base:
    def __init__(self, v):
        self.v = v


class Child(Base):
    pass


def make_kids(cls, n):
    return [cls(i).v for i in range(n)][-1]


print(make_kids(Child, 30))


def child_init(self, v):
    self.v = ("child", v)


Child.__init__ = child_init
print(make_kids(Child, 30))
Base.__init__ = lambda self, v: setattr(self, "v", ("base", v))
del Child.__init__
print(make_kids(Child, 30))


# Closures in __init__ and a frame visible to sys._getframe.
def make_closure_class():
    factor = 3

    class C:
        def __init__(self, v):
            self.v = v * factor
            self.caller = sys._getframe(1).f_code.co_name

    return C


C = make_closure_class()


def use_closure_class():
    return [C(i).v for i in range(30)][-1], C(1).caller


print(use_closure_class())

# Instances stay separate and keep their class alive.
objs = [P(i, -i) for i in range(100)]
print(sum(o.x + o.y for o in objs), all(type(o) is P for o in objs))
