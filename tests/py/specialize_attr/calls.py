# CALL sites that specialise for one callable and then see others, including
# wrong argument counts that must raise CPython's TypeError.


def two(a, b):
    return a + b


def two_default(a, b=10):
    return a * b


def kw_only(a, *, b=1):
    return a - b


def gen(a, b):
    yield a
    yield b


def closure_maker(k):
    def add(a, b):
        return a + b + k
    return add


def call2(fn, x, y):
    return fn(x, y)


print([call2(two, i, i) for i in range(20)][-1])
print(call2(two_default, 3, 4), call2(kw_only, 5, 6) if False else None)
print(list(call2(gen, 1, 2)))
print(call2(closure_maker(100), 1, 2))
print(call2(max, 3, 9), call2(isinstance, 3, int))


def call1(fn, x):
    return fn(x)


for _ in range(20):
    call1(len, "abc")
print(call1(len, [1, 2, 3]), call1(two_default, 7))
try:
    call1(two, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    call1(len, 5)
except TypeError as e:
    print("TypeError:", e)


class K:
    def m(self, x):
        return ("m", x)

    def n(self):
        return "n"


k = K()
bound = k.m
print([call1(bound, i) for i in range(20)][-1])
try:
    call1(k.n, 1)
except TypeError as e:
    print("TypeError:", e)


def call0(fn):
    return fn()


for _ in range(20):
    call0(k.n)
try:
    call0(bound)
except TypeError as e:
    print("TypeError:", e)
try:
    call0(two)
except TypeError as e:
    print("TypeError:", e)

# __code__ replaced after the site specialised.
def f1(a):
    return ("f1", a)


def f2(a, b):
    return ("f2", a, b)


for i in range(20):
    call1(f1, i)
f1.__code__ = f2.__code__
try:
    call1(f1, 1)
except TypeError as e:
    print("TypeError:", e)
print(call2(f1, 1, 2))


# isinstance with exact types, subclasses, tuples and __instancecheck__.
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "yes"


class Any(metaclass=Meta):
    pass


def isa(o, c):
    return isinstance(o, c)


print([isa(1, int) for _ in range(20)][-1], isa(True, int), isa(1, (str, int)), isa("yes", Any), isa("no", Any))
try:
    isa(1, 2)
except TypeError as e:
    print("TypeError:", e)


# len with __len__ defined in Python and errors from it.
class L:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


print([call1(len, L(i)) for i in range(5)])
try:
    call1(len, L(-1))
except ValueError as e:
    print("ValueError:", e)

# Builtin methods called through the descriptor with a wrong receiver.
def app(x):
    return list.append(x, 1)


try:
    app(())
except TypeError as e:
    print("TypeError:", e)


def call_append(lst, v):
    lst.append(v)


l = []
for i in range(20):
    call_append(l, i)
try:
    call_append(l)
except TypeError as e:
    print("TypeError:", e)
print(len(l))


# Recursion through a specialised call site still raises RecursionError.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError:
    print("RecursionError")
