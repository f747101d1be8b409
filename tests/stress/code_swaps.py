# `f.__code__ = ...` while other threads run f, its method twin and a class
# whose __init__ is swapped. Frames borrow their code from the function
# (vm/frame.h), which keeps every code it held: a frame still running the old
# code must find it alive. No crash, no TSan report, every call returns one
# of the two codes' results.
import gc
import threading


def one(x):
    return x + 1


def two(x):
    return x + 2


class K:
    def m(self, x):
        return x + 1

    def __init__(self, v):
        self.v = v + 1


def m_two(self, x):
    return x + 2


def init_two(self, v):
    self.v = v + 2


stop = threading.Event()
errors = []


def caller():
    k = K(0)
    try:
        while not stop.is_set():
            for i in range(200):
                if one(i) - i not in (1, 2) or k.m(i) - i not in (1, 2) or K(i).v - i not in (1, 2):
                    errors.append(i)
    except Exception as e:  # noqa: BLE001
        errors.append(repr(e))


def swapper():
    codes = [(one.__code__, K.m.__code__, K.__init__.__code__), (two.__code__, m_two.__code__, init_two.__code__)]
    for i in range(3000):
        a, b, c = codes[i % 2]
        one.__code__ = a
        K.m.__code__ = b
        K.__init__.__code__ = c
        if i % 500 == 0:
            gc.collect()


threads = [threading.Thread(target=caller) for _ in range(3)]
for t in threads:
    t.start()
swapper()
stop.set()
for t in threads:
    t.join()
assert not errors, errors[:5]
print("ok")
