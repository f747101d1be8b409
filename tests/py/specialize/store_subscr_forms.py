# STORE_SUBSCR's specialised forms (list[int] = v, dict[key] = v) and what
# happens when a site that specialised meets other operands: subclasses,
# other key types, out-of-range indexes, unhashable keys. Each site runs in a
# loop long enough to specialise before the unusual operand arrives.


def store_all(container, keys, values):
    for k, v in zip(keys, values):
        container[k] = v
    return container


def fill_list(n):
    lst = [0] * n
    for i in range(n):
        lst[i] = i * i
    for i in range(-1, -n - 1, -1):
        lst[i] += 1
    return lst


print(fill_list(10))
print(sum(fill_list(1000)))

# A list site meets an out-of-range index after specialising (both signs),
# then keeps working.
site = [0] * 5
for bad in (5, -6, 1 << 40, -(1 << 40), 10 ** 30):
    for i in range(100):
        site[i % 5] = i
    try:
        site[bad] = 1
    except IndexError as e:
        print("IndexError", e, site)
print(site)


def store_at(container, key, value):
    container[key] = value


# One site, many operand kinds: list, list subclass with and without
# __setitem__, dict, dict subclass, bytearray, a str key on a list, a bool
# index, an index-like object.
class MyList(list):
    pass


class LoggingList(list):
    def __setitem__(self, key, value):
        print("LoggingList.__setitem__", key, value)
        super().__setitem__(key, value)


class MyDict(dict):
    def __setitem__(self, key, value):
        print("MyDict.__setitem__", key, value)
        super().__setitem__(key, value)


class Index:
    def __index__(self):
        return 2


lst = [0, 0, 0, 0]
for i in range(200):
    store_at(lst, i % 4, i)
print(lst)
ml = MyList([1, 2, 3])
store_at(ml, 0, "x")
print(type(ml).__name__, ml)
ll = LoggingList([1, 2, 3])
store_at(ll, -1, "y")
print(ll)
store_at(lst, True, "true")
store_at(lst, Index(), "index")
print(lst)
for key in ("a", 1.5, None):
    try:
        store_at(lst, key, 0)
    except TypeError as e:
        print("TypeError", e)
try:
    store_at(lst, 2 ** 70, 0)
except IndexError as e:
    print("IndexError", e)
try:
    store_at(lst, slice(1, 3), [9, 9, 9])
    print(lst)
except TypeError as e:
    print("TypeError", e)

d = {}
for i in range(200):
    store_at(d, i % 7, i)
print(sorted(d.items()))
md = MyDict()
store_at(md, "k", 1)
print(md)
store_at(d, "str", 1)
store_at(d, (1, 2), 2)
store_at(d, 1.0, "float one")
print(d[1], d["str"], d[(1, 2)])
try:
    store_at(d, [1], 0)
except TypeError as e:
    print("TypeError", e)
ba = bytearray(3)
store_at(ba, 1, 255)
print(ba)
try:
    store_at((1, 2), 0, 0)
except TypeError as e:
    print("TypeError", e)
try:
    store_at("abc", 0, "x")
except TypeError as e:
    print("TypeError", e)


# A dict site whose key hashing raises and whose key's __eq__ runs code.
class BadHash:
    def __hash__(self):
        raise ValueError("no hash")


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("Key.__eq__")
        return isinstance(other, Key) and self.v == other.v


d2 = {}
for i in range(100):
    store_at(d2, i, -i)
try:
    store_at(d2, BadHash(), 0)
except ValueError as e:
    print("ValueError", e)
store_at(d2, Key(1000), "a")
store_at(d2, Key(1000), "b")
print(len(d2), [v for k, v in d2.items() if isinstance(k, Key)])

# Replaced values are released: their __del__ runs (CPython's refcounting
# timing, single thread).
class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


holder = [None]
dholder = {}
for i in range(3):
    store_at(holder, 0, Noisy("list%d" % i))
    store_at(dholder, "k", Noisy("dict%d" % i))
print("end", holder[0].name, dholder["k"].name)
holder[0] = None
dholder.clear()
print(store_all([0] * 3, [0, 1, 2], "abc"), store_all({}, "ab", [1, 2]))
