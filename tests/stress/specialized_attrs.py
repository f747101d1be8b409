# Threads run the same attribute loads, stores, method calls and calls
# (specialised instructions shared through one code object) while another
# thread keeps mutating the class: replacing the method, adding and removing a
# property over an instance attribute, and switching objects' __class__.
# Every result must be one that some interleaving allows.
import _thread

N, ITERS = 4, 4000
stop = [False]


class Base:
    def __init__(self, i):
        self.x = i
        self.y = -i

    def get(self):
        return self.x

    def total(self, k):
        return self.x + self.y + k


class Other(Base):
    def get(self):
        return self.y


def plain_get(self):
    return self.x


def alt_get(self):
    return ("alt", self.x)


PROP = 7777777


errors = []


# Made before the mutator starts: with its property installed, __init__'s
# `self.x = i` would go to the property's setter.
all_objs = [[Base(i) for i in range(8)] + [Other(i) for i in range(8)] for _ in range(N)]


def work(k):
    objs = all_objs[k]
    got = 0
    try:
        for i in range(ITERS):
            o = objs[i % len(objs)]
            xs = (o.__dict__["x"], PROP)
            x = o.x                  # LOAD_ATTR instance (or the property)
            assert x in xs, x
            o.y = -i                 # STORE_ATTR instance
            v = o.get()              # method load + call
            assert v in xs or v == -i or (v[0] == "alt" and v[1] in xs), v
            t = o.total(1)           # method with an argument
            assert t in (xs[0] - i + 1, PROP - i + 1), t
            got += len(objs) + isinstance(o, Base)
    except BaseException as e:  # reported by the main thread
        errors.append(repr(e))
    return got


def mutate():
    n = 0
    while not stop[0]:
        n += 1
        Base.get = alt_get if n % 2 else plain_get
        if n % 3 == 0:
            Base.x = property(lambda self: PROP, lambda self, v: None)
            del Base.x
        if n % 5 == 0:
            Other.get = lambda self: self.y
            del Other.get


workers = [_thread.start_joinable_thread(lambda k=k: work(k)) for k in range(N)]
m = _thread.start_joinable_thread(mutate)
for h in workers:
    h.join()
stop[0] = True
m.join()
assert not errors, errors[:3]
print("ok")
