# Classes with __getattr__ / __getattribute__ / __setattr__ / __slots__ at
# sites that specialised on plain classes first, and hooks added later.


class Plain:
    def __init__(self):
        self.a = 1


class WithGetattr:
    def __init__(self):
        self.a = 2

    def __getattr__(self, name):
        return "missing:" + name


class WithGetattribute:
    def __init__(self):
        self.a = 3

    def __getattribute__(self, name):
        return "intercepted:" + name


class Slotted:
    __slots__ = ("a",)

    def __init__(self):
        self.a = 4


def get_a(o):
    return o.a


def get_b(o):
    return o.b


for cls in (Plain, WithGetattr, WithGetattribute, Slotted, Plain, WithGetattr):
    o = cls()
    print(cls.__name__, [get_a(o) for _ in range(20)][-1])
print(get_b(WithGetattr()), get_b(WithGetattribute()))
try:
    get_b(Plain())
except AttributeError as e:
    print("AttributeError:", e)
try:
    get_b(Slotted())
except AttributeError as e:
    print("AttributeError:", e)


# __getattribute__ added to the class after the site specialised.
class Late:
    def __init__(self):
        self.a = 5


late = Late()
print([get_a(late) for _ in range(30)][-1])
Late.__getattribute__ = lambda self, name: "late:" + name
print(get_a(late))
del Late.__getattribute__
print(get_a(late))


# __setattr__ added after a store site specialised.
class Store:
    def __init__(self):
        self.v = 0


def put(o, v):
    o.v = v


st = Store()
for i in range(30):
    put(st, i)
print(st.v)
seen = []
Store.__setattr__ = lambda self, name, v: seen.append((name, v))
put(st, 99)
print(st.v, seen)
del Store.__setattr__
put(st, 7)
print(st.v)


# Slots stores and deletes through a specialised site.
def put_a(o, v):
    o.a = v


sl = Slotted()
for i in range(30):
    put_a(sl, i)
print(sl.a)
del sl.a
try:
    get_a(sl)
except AttributeError as e:
    print("AttributeError:", e)
