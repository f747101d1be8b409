# FOR_ITER's and UNPACK_SEQUENCE's specialised forms and their fallbacks.

def total(it):
    t = 0
    for x in it:
        t += x
    return t

def gen(n):
    for i in range(n):
        yield i

# A loop site that sees ranges, then a generator, lists, tuples and others.
for _ in range(30):
    total(range(10))
print(total(range(10)), total(range(0)), total(range(5, -5, -2)), total(range(2**62 - 3, 2**62 + 2)))
print(total(range(-2**63, -2**63 + 3)), total(range(2**64, 2**64 + 3)))
print(total(gen(10)), total([1, 2, 3]), total((4, 5)), total({7: 1, 8: 2}), total(iter([1, 2])))
print(total(range(3)), total([]), total(()), total(x for x in range(4)), total(range(10**20, 10**20 + 2)))

# A shared iterator is advanced through its lock (the form falls back).
it = iter(range(10))
held = []
for x in it:
    held.append(x)
    if x == 3:
        held.append(next(it))
print(held)
lit = iter([1, 2, 3, 4, 5, 6])
out = []
for x in lit:
    out.append((x, next(lit, None)))
print(out)
tit = iter((1, 2, 3, 4, 5))
out = []
for x in tit:
    out.append((x, next(tit, None)))
print(out)

# A list growing and shrinking while iterated.
lst = [1, 2, 3]
out = []
for x in lst:
    out.append(x)
    if x < 6:
        lst.append(x + 3)
print(out)
lst = list(range(10))
out = []
for x in lst:
    out.append(x)
    lst.pop()
print(out, lst)

# Subclasses iterate through their own __iter__.
class MyList(list):
    def __iter__(self): return iter([100, 200])
class MyTuple(tuple):
    def __iter__(self): return iter([300])
class MyRange:
    def __iter__(self): return iter(range(3))
print(total(MyList([1, 2])), total(MyTuple((1, 2))), total(MyRange()))

# Exhausted iterators stay exhausted.
it = iter([1, 2])
print(total(it), total(it), list(it))
it = iter((1, 2))
print(total(it), total(it), list(it))
it = iter(range(2))
print(total(it), total(it), list(it))

# Nested loops reuse a specialised inner site.
print([(i, j) for i in range(3) for j in (1, 2)], [[c for c in w] for w in ["ab", "c"]])

def swap(s):
    a, b = s
    return b, a

def triple(s):
    a, b, c = s
    return c, b, a

for _ in range(60):
    swap((1, 2))
print(swap((1, 2)), swap([3, 4]), swap("xy"), swap({5: 0, 6: 0}), swap(range(2)), swap(x for x in "ab"))
for bad in [(1, 2, 3), (1,), [1, 2, 3], [], "xyz", 5]:
    try:
        swap(bad)
    except (ValueError, TypeError) as e:
        # "too many values" says "got N" for sized sequences only since 3.12.
        print(type(e).__name__, str(e).split(", got")[0].rstrip(")"))
for _ in range(60):
    triple([1, 2, 3])
print(triple([1, 2, 3]), triple((4, 5, 6)), triple("abc"), triple(iter([7, 8, 9])))

class MyTuple2(tuple):
    def __iter__(self): return iter(("sub", "class"))
print(swap(MyTuple2((1, 2))), triple(MyTuple2((1, 2, 3))) if False else "skip")

def deep(s):
    (a, b), c = s
    return a, b, c
for _ in range(60):
    deep(((1, 2), 3))
print(deep(((1, 2), 3)), deep([[4, 5], 6]), deep(("ab", "c")))
