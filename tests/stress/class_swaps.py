# `obj.__class__ = ...`, `Cls.__bases__ = ...` and `Cls.__add__ = ...` while
# other threads call methods and operators through those very objects. ftpy
# publishes all three with the world stopped (readers load the type, the MRO
# and the slot pointers with plain loads): no crash, no TSan report, and
# every call sees one whole class, old or new.
import threading


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class X:
    def base(self):
        return "X"


class Y:
    def base(self):
        return "Y"


class Z(X):
    pass


class Num:
    def __add__(self, other):
        return "plus"


def minus(self, other):
    return "minus"


def plus(self, other):
    return "plus"


obj = A()
z = Z()
num = Num()
stop = threading.Event()
errors = []


def reader(results):
    seen = set()
    bases = set()
    sums = set()
    while not stop.is_set():
        try:
            seen.add(obj.who())
            bases.add(z.base())
            sums.add(num + 1)
        except Exception as e:  # a torn class would show up here
            errors.append(repr(e))
            return
    results.append((seen, bases, sums))


results = []
readers = [threading.Thread(target=reader, args=(results,)) for _ in range(2)]
for t in readers:
    t.start()
for i in range(3000):
    obj.__class__ = B if i % 2 == 0 else A
    if i % 10 == 0:
        Z.__bases__ = (Y,) if (i // 10) % 2 == 0 else (X,)
    if i % 10 == 5:
        Num.__add__ = minus if (i // 10) % 2 == 0 else plus
stop.set()
for t in readers:
    t.join()

assert not errors, errors
assert len(results) == 2, results
for seen, bases, sums in results:
    assert seen <= {"A", "B"} and seen, seen
    assert bases <= {"X", "Y"} and bases, bases
    assert sums <= {"plus", "minus"} and sums, sums
assert type(obj) is A and obj.who() == "A"
assert Z.__mro__ == (Z, X, object), Z.__mro__
assert num + 1 == "plus"
print("ok")
