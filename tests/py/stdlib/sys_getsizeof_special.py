# sys.getsizeof looks __sizeof__ up on the type (so a class's size is
# type.__sizeof__(cls), not an unbound-method error), and adds the GC
# header only for objects of collected types: ints and bools get none.
import sys


class Plain:
    pass


class Pair:
    def __init__(self):
        self.x, self.y = 1, 2


class Custom:
    def __sizeof__(self):
        return 100


class Negative:
    def __sizeof__(self):
        return -1


class NotInt:
    def __sizeof__(self):
        return "big"


print([sys.getsizeof(v) for v in (0, 1, -1, 2 ** 30, 2 ** 62, 2 ** 100, True, False)])
print(sys.getsizeof(Plain()), sys.getsizeof(Pair()), sys.getsizeof(Custom()) > 100)
for cls in (Plain, Custom, int, type, dict):
    print(cls.__name__, sys.getsizeof(cls) - type.__sizeof__(cls))
c = Custom()
c.__sizeof__ = lambda: 5          # an instance attribute is not consulted
print(sys.getsizeof(c) == sys.getsizeof(Custom()))
for obj in (Negative(), NotInt()):
    try:
        sys.getsizeof(obj)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
    print(sys.getsizeof(obj, "default") if isinstance(obj, NotInt) else "")
print(sys.getsizeof([]) - [].__sizeof__(), sys.getsizeof(()) - ().__sizeof__(), sys.getsizeof({}) - {}.__sizeof__())
