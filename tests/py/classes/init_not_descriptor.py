# A special method found on the type that is not a descriptor (a callable
# instance, a builtin function) is called as found, without the instance.
class Init:
    def __call__(self, *args, **kwargs):
        print("init called with", args, kwargs)


class C:
    __init__ = Init()


C(1, x=2)
C()


class D:
    __init__ = print


D("hello", "world")


class Bound:
    def __get__(self, obj, owner):
        def init(*args):
            print("bound init", type(obj).__name__, args)
        return init


class E:
    __init__ = Bound()


E(3)


class Repr:
    def __call__(self, *args):
        return "repr with %d args" % len(args)


class F:
    __repr__ = Repr()
    __len__ = Repr()


print(repr(F()))
try:
    len(F())
except TypeError as e:
    print("TypeError:", e)
