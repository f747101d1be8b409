# Readers load attributes of shared instances at specialised sites while
# other threads ask for vars(obj)/obj.__dict__ (which may turn per-instance
# value storage into a real dict), store attributes out of the usual order,
# delete and re-add attributes, and replace obj.__dict__. Invariants: a read
# returns one of the values ever written for that name (never garbage or a
# value of another name), the only exception is AttributeError for a name
# that is deleted at the moment, and vars() always returns a dict whose
# values are legal for their keys.
import threading
import time

N_OBJS = 24
DURATION = 1.5

# Every value ever stored under name n is a tuple (n, int); anything else is
# garbage from a torn or misindexed read.
NAMES = ["a", "b", "c", "d", "e"]


class Obj:
    def __init__(self, i):
        self.a = ("a", i)
        self.b = ("b", i)
        self.c = ("c", i)


class Sub:
    # A sibling with Obj's layout: its own shared keys, so a swap between the
    # two makes the instance's dict.
    __init__ = Obj.__init__


objs = [(Obj if i % 2 else Sub)(i) for i in range(N_OBJS)]
stop = threading.Event()
errors = []
counts = {}


def ok(name, v):
    return type(v) is tuple and len(v) == 2 and v[0] == name and type(v[1]) is int


def load_a(o):
    return o.a


def load_b(o):
    return o.b


def load_c(o):
    return o.c


def reader(k):
    n = 0
    try:
        while not stop.is_set():
            for o in objs:
                for name, f in (("a", load_a), ("b", load_b), ("c", load_c)):
                    try:
                        v = f(o)
                    except AttributeError:
                        continue
                    if not ok(name, v):
                        errors.append(("read", name, repr(v)[:80]))
                        return
                n += 1
    except BaseException as e:
        errors.append(("reader exc", repr(e)))
    counts[f"r{k}"] = n


def materialiser():
    n = 0
    try:
        while not stop.is_set():
            for o in objs:
                d = vars(o)
                for key, v in d.copy().items():  # copy() is atomic; iterating d is not
                    if key in NAMES and not ok(key, v):
                        errors.append(("vars", key, repr(v)[:80]))
                        return
                n += 1
    except BaseException as e:
        errors.append(("materialiser exc", repr(e)))
    counts["m"] = n


def mutator(k):
    n = 0
    try:
        while not stop.is_set():
            n += 1
            for i, o in enumerate(objs):
                step = (n + i + k) % 6
                if step == 0:
                    # delete and re-add: the name moves to the end
                    try:
                        del o.b
                    except AttributeError:
                        pass
                    o.b = ("b", n)
                elif step == 1:
                    # out-of-order names
                    o.e = ("e", n)
                    o.d = ("d", n)
                elif step == 2:
                    try:
                        del o.e
                    except AttributeError:
                        pass
                elif step == 3 and k == 0:
                    # replace the whole dict (with a, c present; b sometimes)
                    nd = {"c": ("c", n), "a": ("a", n)}
                    if n % 2:
                        nd["b"] = ("b", n)
                    o.__dict__ = nd
                elif step == 4:
                    o.a = ("a", n)
                    o.c = ("c", n)
                else:
                    d = o.__dict__
                    d["d"] = ("d", n)
                    d.pop("d", None)
                    o.b = ("b", -n)
    except BaseException as e:
        errors.append(("mutator exc", repr(e)))
    counts[f"w{k}"] = n


def class_swapper():
    n = 0
    try:
        while not stop.is_set():
            for o in objs:
                o.__class__ = Sub if o.__class__ is Obj else Obj
            n += 1
    except BaseException as e:
        errors.append(("swapper exc", repr(e)))
    counts["s"] = n


threads = [threading.Thread(target=reader, args=(k,)) for k in range(2)]
threads.append(threading.Thread(target=materialiser))
threads += [threading.Thread(target=mutator, args=(k,)) for k in range(2)]
threads.append(threading.Thread(target=class_swapper))
for t in threads:
    t.start()
time.sleep(DURATION)
stop.set()
for t in threads:
    t.join()
assert not errors, errors[:5]
assert all(counts.get(k, 0) > 0 for k in ("r0", "r1", "m", "w0", "w1", "s")), counts
for o in objs:
    for key, v in vars(o).items():
        assert key in NAMES and ok(key, v), (key, v)
    assert ok("a", o.a) and ok("c", o.c), vars(o)
print("ok")
