# A function's __code__ replaced while frames run the old code: the running
# frames keep executing the old code to the end (it stays alive), new calls
# run the new one.
import gc
import sys
import threading


def other(n):
    return ("other", n)


def replaces_itself(n):
    replaces_itself.__code__ = other.__code__
    gc.collect()
    total = 0
    for i in range(n):
        total += i
    return ("self", total, sys._getframe().f_code.co_name)


print(replaces_itself(10))
print(replaces_itself(10))


# Deep recursion that swaps the code at the bottom; every frame above it
# finishes in the old code.
def down(n):
    if n == 0:
        down.__code__ = flat.__code__
        gc.collect()
        return 0
    return 1 + down(n - 1)


def flat(n):
    return -n


print(down(50), down(50))


# A suspended generator whose function's code is replaced, then resumed.
def counter(n):
    for i in range(n):
        yield i * 10


def empty_gen(n):
    yield "new"


g = counter(4)
print(next(g))
counter.__code__ = empty_gen.__code__
gc.collect()
print(list(g), list(counter(4)))


# Switching back and forth between a few codes.
def a(x):
    return x + 1


def b(x):
    return x * 2


code_a, code_b = a.__code__, b.__code__
out = []
for i in range(200):
    a.__code__ = code_b if i % 2 else code_a
    out.append(a(i))
print(out[:6], sum(out))


# A method whose code is replaced by another thread while this one calls it.
class C:
    def m(self, x):
        return x


def m2(self, x):
    return -x


results = set()
stop = threading.Event()
started = threading.Event()


def caller():
    c = C()
    while not stop.is_set():
        for i in range(1, 50):
            results.add(c.m(i) > 0)
        started.set()


t = threading.Thread(target=caller)
t.start()
started.wait()
plain = C.m.__code__
for i in range(300):
    C.m.__code__ = m2.__code__ if i % 2 else plain
stop.set()
t.join()
C.m.__code__ = plain
print(C().m(3), True in results, results <= {True, False})


# Free-variable count mismatch: Python's message.
def outer():
    y = 1

    def inner():
        return y

    return inner


try:
    a.__code__ = outer().__code__
except ValueError as e:
    print(e)
try:
    a.__code__ = 5
except TypeError as e:
    print(e)
