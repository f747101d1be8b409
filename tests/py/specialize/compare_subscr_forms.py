# COMPARE_OP's and BINARY_SUBSCR's specialised forms, their fused jumps and
# their fallbacks.

def lt(a, b): return a < b
def le(a, b): return a <= b
def eq(a, b): return a == b
def ne(a, b): return a != b
def gt(a, b): return a > b
def ge(a, b): return a >= b
def branch(a, b):
    if a < b:
        return "lt"
    if a == b:
        return "eq"
    if not (a > b):
        return "unordered"
    return "gt"
def loop_until(n):
    i = 0
    while i != n:
        i += 1
    return i

class MyInt(int):
    def __lt__(self, other): return "MyInt.__lt__"
    def __eq__(self, other): return "MyInt.__eq__"
    __hash__ = int.__hash__

class MyStr(str):
    def __eq__(self, other): return "MyStr.__eq__"
    __hash__ = str.__hash__

ops = (lt, le, eq, ne, gt, ge)
for f in ops:
    for _ in range(60):
        f(1, 2)
pairs = [(1, 2), (2, 1), (2, 2), (-2**62, 2**62 - 1), (1, 1.0), (1.0, 1), (0.5, 1), (1, 0.5),
         (2**53 + 1, float(2**53)), (float(2**53), 2**53 + 1), (float("nan"), 1), (1, float("nan")),
         (float("nan"), float("nan")), (float("inf"), 2**62 - 1), (-0.0, 0.0), (0, -0.0),
         ("a", "a"), ("a", "b"), ("b", "a"), ("é", "é"), ("", ""), (2**100, 2**100), (2**100, 1.0),
         (True, 1), (False, 0.0), ((1, 2), (1, 3)), ([1], [1])]
for a, b in pairs:
    print(repr(a), repr(b), [f(a, b) for f in ops], branch(a, b))
print(lt(MyInt(1), 2), eq(MyInt(1), 1), eq(1, MyInt(1)), eq(MyStr("a"), "a"), eq("a", MyStr("a")), ne(MyStr("a"), "a"))
for f in (lt, gt):
    try:
        f("a", 1)
    except TypeError as e:
        print("TypeError", e)
    try:
        f(1, None)
    except TypeError as e:
        print("TypeError", e)
print(loop_until(1000), loop_until(0))
for _ in range(60):
    branch(1.5, 2.5)
print(branch(1.5, 2.5), branch(3.5, 2.5), branch(2.5, 2.5), branch(float("nan"), 0.0), branch(1, 2), branch("a", "b"))

def getitem(c, k): return c[k]
lst = [10, 20, 30]
for _ in range(60):
    getitem(lst, 1)
print(getitem(lst, 0), getitem(lst, 2), getitem(lst, -1), getitem(lst, -3))
for k in (3, -4, 2**62 - 1, -2**62):
    try:
        getitem(lst, k)
    except IndexError as e:
        print("IndexError", e)
print(getitem(lst, True), getitem(lst, slice(1, None)), getitem({1: "one"}, 1), getitem("abc", 1), getitem((5, 6), -1))
try:
    getitem(lst, "x")
except TypeError as e:
    print("TypeError", e)
try:
    getitem(lst, 2**100)
except IndexError as e:
    print("IndexError", e)

class MyList(list):
    def __getitem__(self, i): return ("MyList", i)
class MyTuple(tuple):
    def __getitem__(self, i): return ("MyTuple", i)
class MyDict(dict):
    def __missing__(self, k): return ("missing", k)
print(getitem(MyList([1]), 0), getitem(MyTuple((1,)), 0), getitem(MyDict(), "k"), getitem(MyDict(a=1), "a"))

tup = (1, 2, 3)
for _ in range(60):
    getitem(tup, 0)
print(getitem(tup, 2), getitem(tup, -2), getitem(tup, slice(None, None, -1)), getitem(lst, 1))
for k in (3, -4):
    try:
        getitem(tup, k)
    except IndexError as e:
        print("IndexError", e)

d = {"a": 1, 2: "two", (1, 2): "tuple", 2.5: "float"}
for _ in range(60):
    getitem(d, "a")
print(getitem(d, "a"), getitem(d, 2), getitem(d, 2.0), getitem(d, (1, 2)), getitem(d, 2.5), getitem(lst, 0))
try:
    getitem(d, "zz")
except KeyError as e:
    print("KeyError", e)
try:
    getitem(d, [1])
except TypeError as e:
    print("TypeError", e)

class Key:
    def __init__(self, n): self.n = n
    def __hash__(self): return hash(self.n)
    def __eq__(self, other): return isinstance(other, Key) and other.n == self.n
    def __repr__(self): return f"Key({self.n})"
d[Key(1)] = "key1"
print(getitem(d, Key(1)))

# A list index site that then sees a dict, a str and a range.
def first(c): return c[0]
for _ in range(60):
    first([7])
print(first([7]), first({0: "zero"}), first("str"), first(range(5, 9)), first((8,)), first([9]))

# Mutating the list while indexing it in a loop.
lst = list(range(10))
out = []
for i in range(20):
    if i < len(lst):
        out.append(lst[i])
        if i % 3 == 0:
            lst.pop()
print(out)

# A missing key is hashed and compared once, as in the generic path.
class Noisy:
    def __hash__(self):
        print("hash")
        return 1
    def __eq__(self, other):
        print("eq")
        return False
d = {1: "one"}
for _ in range(60):
    getitem(d, 1)
try:
    getitem(d, Noisy())
except KeyError as e:
    print("KeyError", type(e.args[0]).__name__)
try:
    getitem(d, (1, 2))
except KeyError as e:
    print("KeyError", e.args)
