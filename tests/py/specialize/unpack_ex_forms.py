# Starred unpacking (UNPACK_EX) of exact tuples and lists takes the items of
# one snapshot directly; everything else (subclasses, iterators, too few
# items) goes through the iterator protocol. Results, messages and the
# independence of the starred list from its source are checked.


def split(seq):
    first, *middle, last = seq
    return first, middle, last


def head(seq):
    a, b, *rest = seq
    return a, b, rest


def tail(seq):
    *init, y, z = seq
    return init, y, z


for seq in ((1, 2), (1, 2, 3), [1, 2, 3, 4, 5], list(range(10)), "abcd", range(4), iter([7, 8, 9])):
    print(split(seq))
print(head((1, 2)), head([1, 2, 3]), tail((1, 2)), tail([0, 1, 2, 3]))

src = [1, 2, 3, 4]
f, mid, l = split(src)
mid.append(99)
print(src, mid, type(mid).__name__)
t = (1, [2], 3)
f, mid, l = split(t)
mid[0].append("shared item")
print(t, mid)


class MyTuple(tuple):
    def __iter__(self):
        print("MyTuple.__iter__")
        return super().__iter__()


class MyList(list):
    def __iter__(self):
        print("MyList.__iter__")
        return super().__iter__()


print(split(MyTuple((1, 2, 3))), split(MyList([4, 5, 6])))

for bad in ((), (1,), [], [1], "a", MyTuple((1,))):
    try:
        split(bad)
    except ValueError as e:
        print("ValueError", e)
for bad in ((1,), [1, 2][:1]):
    try:
        a, b, c, *rest = bad
    except ValueError as e:
        print("ValueError", e)
    try:
        *rest, a, b, c = bad
    except ValueError as e:
        print("ValueError", e)
try:
    a, *b = 5
except TypeError as e:
    print("TypeError", e)

total = 0
for i in range(2000):
    a, *b, c = (i, i + 1, i + 2, i + 3)
    x, *y = [i, i]
    total += a + c + len(b) + x + len(y)
print(total)
