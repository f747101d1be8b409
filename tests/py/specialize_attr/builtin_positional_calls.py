# Hot builtin call sites: max/min of two values, builtins and methods with
# defaults or *args called positionally, and their errors.
class Loud:
    def __init__(self, v):
        self.v = v

    def __gt__(self, other):
        return self.v > other.v

    def __lt__(self, other):
        return self.v < other.v

    def __repr__(self):
        return "Loud(%r)" % self.v


def minmax(n):
    hi = lo = 0
    for i in range(n):
        hi = max(hi, (i * 7) % 13)
        lo = min(lo, -((i * 5) % 11))
    return hi, lo


print(minmax(100))
# Ties keep the first argument, for max and min alike.
a, b = Loud(1), Loud(1)
for _ in range(30):
    m = max(a, b)
    n = min(a, b)
print(m is a, n is a)
print(max(1.5, 2), min(2, 1.5), max("b", "a"), min([1], [0, 9]))
for i in range(30):
    try:
        max(1, "a")
    except TypeError as e:
        msg = str(e)
print(msg)
for i in range(30):
    try:
        min("a", 1)
    except TypeError as e:
        msg = str(e)
print(msg)

# max/min rebound to something else at a hot site.
def call_two(f, n):
    return [f(i, 3) for i in range(n)][-1]


print(call_two(max, 30), call_two(min, 30), call_two(pow, 30))


def hot_sites(n):
    out = []
    for i in range(n):
        out.append((max(i, 1, 5), min(i, 2), max([i, 4]), min((3, i), key=lambda v: -v)))
    return out[-1]


print(hot_sites(40))


def defaults(n):
    d = {"a": 1}
    l = [1, 2, 3]
    r = []
    for i in range(n):
        r.append((d.get("a"), d.get("b"), d.get("b", i), round(2.567), round(2.567, 1), divmod(i, 3)))
    return r[-1]


print(defaults(40))


def pops(n):
    l = list(range(n * 2))
    out = []
    for i in range(n):
        out.append(l.pop())
        out.append(l.pop(0))
    return out[-4:], l


print(pops(30))


def errors(n):
    msgs = []
    for i in range(n):
        for f in (lambda: max(), lambda: min(1), lambda: max(1, 2, default=0),
                  lambda: [].pop(), lambda: round(1, 2, 3), lambda: abs(1, 2)):
            try:
                f()
            except (TypeError, ValueError, IndexError) as e:
                msgs.append(type(e).__name__ + ": " + str(e))
    return msgs[-6:]


for m in errors(30):
    print(m)


# A method descriptor site that sees another receiver type.
def appender(x, n):
    for i in range(n):
        x.append(i)
    return x


print(len(appender([], 40)), appender(bytearray(), 3))


class MyList(list):
    pass


print(appender(MyList(), 3), type(appender(MyList(), 1)).__name__)


def getter(d, n):
    return [d.get(i % 3, "-") for i in range(n)]


print(getter({0: "z"}, 30)[-3:])


class MyDict(dict):
    def get(self, k, default=None):
        return ("mine", k)


print(getter(MyDict(), 30)[-1])
print(sorted([3, 1, 2]), print("x", "y", sep="-"))


def printer(n):
    for i in range(n):
        if i > n - 3:
            print(i, i + 1, "end")


printer(30)
