# `local.name` sites, which the loop runs as one step (LOAD_FAST__LOAD_ATTR)
# when the attribute load is specialised for the instance's values array: the
# pair must behave as the two instructions would whatever the local holds.
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


class Swapped(Point):
    def __init__(self, x, y):
        self.y = y
        self.x = x


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def get_x(p):
    return p.x


def call_attr(holder):
    return holder.fn(3)


def read_then_delete(p):
    total = 0
    for i in range(60):
        if i == 50:
            del p.x
        try:
            total += p.x
        except AttributeError as e:
            print("AttributeError:", e)
            return total
    return total


def unbound_then_attr(flag):
    if flag:
        obj = Point(1, 2)
    return obj.x


class Holder:
    def __init__(self, fn):
        self.fn = fn


# Monomorphic, then other layouts and kinds of objects at the same site.
acc = 0
for i in range(200):
    acc += get_x(Point(i, -i))
print("points", acc)
for i in range(50):
    acc += get_x(Swapped(i, 7))
print("swapped", acc)
print("slotted", get_x(Slotted(5, 6)))
print("int.real", [(lambda n: n.real)(k) for k in (3, True, -2)])
print("class attr", get_x(type("C", (), {"x": 42})))
print("module attr", (lambda m: m.maxsize > 0)(sys))
print("norm1", sum(Point(i, -2 * i).norm1() for i in range(100)))

# The method form: an instance attribute holding a callable.
print("call", [call_attr(Holder(lambda v, k=k: v * k)) for k in range(5)])

# The attribute goes away in the middle of a hot loop.
print("deleted", read_then_delete(Point(2, 0)))

# The local is unbound: NameError-like error from the pair itself.
for flag in (True, True, False):
    try:
        print("unbound", unbound_then_attr(flag))
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)

# The attribute value is the only reference left once the local is rebound.
def rebind(p):
    v = p.x
    p = None
    return v


print("rebind", [rebind(Point([i], 0)) for i in range(3)])

# Assigning over the attribute while the old value is read through the pair.
p = Point("a", "b")
for i in range(40):
    old = p.x
    p.x = old + "."
print("grown", len(p.x))
