"""Custom containers built on collections.abc mixins, plus a tour of the
collections module: ChainMap layers, deque windows, Counter arithmetic,
OrderedDict moves, defaultdict trees and namedtuple tricks."""
from collections import ChainMap, Counter, OrderedDict, defaultdict, deque, namedtuple, UserDict, UserList, UserString
from collections.abc import MutableMapping, MutableSequence, Set, Mapping, Sequence, Hashable, Iterable
import bisect


class CaseInsensitiveDict(MutableMapping):
    def __init__(self, data=(), **kw):
        self._d = {}
        self.update(data, **kw)

    def __getitem__(self, k):
        return self._d[k.lower()][1]

    def __setitem__(self, k, v):
        self._d[k.lower()] = (k, v)

    def __delitem__(self, k):
        del self._d[k.lower()]

    def __iter__(self):
        return (orig for orig, _ in self._d.values())

    def __len__(self):
        return len(self._d)

    def __repr__(self):
        return f"{type(self).__name__}({dict(self.items())!r})"


class SortedList(MutableSequence):
    def __init__(self, items=()):
        self._items = sorted(items)

    def __getitem__(self, i):
        return self._items[i]

    def __setitem__(self, i, v):
        raise TypeError("use add() on a SortedList")

    def __delitem__(self, i):
        del self._items[i]

    def __len__(self):
        return len(self._items)

    def insert(self, i, v):
        self.add(v)

    def add(self, v):
        bisect.insort(self._items, v)

    def __contains__(self, v):
        i = bisect.bisect_left(self._items, v)
        return i < len(self._items) and self._items[i] == v

    def range(self, lo, hi):
        return self._items[bisect.bisect_left(self._items, lo):bisect.bisect_right(self._items, hi)]

    def __repr__(self):
        return f"SortedList({self._items})"


class Interval(Set, Hashable):
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def __contains__(self, x):
        return self.lo <= x < self.hi

    def __iter__(self):
        return iter(range(self.lo, self.hi))

    def __len__(self):
        return max(0, self.hi - self.lo)

    def __repr__(self):
        return f"[{self.lo}, {self.hi})"

    __hash__ = Set._hash

    @classmethod
    def _from_iterable(cls, it):
        s = sorted(it)
        return cls(s[0], s[-1] + 1) if s and s == list(range(s[0], s[-1] + 1)) else frozenset(s)


h = CaseInsensitiveDict({"Content-Type": "text/html"}, Accept="*/*")
h["content-type"] = "application/json"
h["X-Id"] = 7
print(h, h["CONTENT-TYPE"], "accept" in h, len(h), list(h), h.get("missing", "-"))
print(h.pop("x-id"), h.setdefault("Host", "example"), sorted(h.keys()), h == {"Content-Type": "application/json", "Accept": "*/*", "Host": "example"})
del h["HOST"]
print(h.popitem(), isinstance(h, Mapping), dict(h))

sl = SortedList([5, 1, 4])
sl.append(3)
sl.extend([9, 0])
sl += [2]
print(sl, sl[0], sl[-1], 4 in sl, 7 in sl, sl.index(4), sl.count(9), sl.range(2, 5), list(reversed(sl))[:3])
sl.remove(9)
print(sl.pop(), sl.pop(0), sl, isinstance(sl, Sequence))
try:
    sl[0] = 1
except TypeError as e:
    print("TypeError:", e)

a, b = Interval(0, 5), Interval(3, 8)
print(a & b, a | b, a - b, a ^ b, a <= Interval(0, 10), a == Interval(0, 5), hash(a) == hash(Interval(0, 5)), a.isdisjoint(Interval(5, 9)), len(Interval(4, 2)))

defaults = {"theme": "light", "lang": "en", "size": 12}
user = {"theme": "dark"}
session = {}
cfg = ChainMap(session, user, defaults)
print(cfg["theme"], cfg["lang"], len(cfg), sorted(cfg), cfg.maps[1])
session["lang"] = "fi"
child = cfg.new_child({"size": 14})
print(child["size"], child["lang"], cfg["size"], child.parents["size"], dict(child))
del child["size"]
try:
    del child["size"]
except KeyError as e:
    print("KeyError:", e)
print(repr(ChainMap({"a": 1}, {"b": 2})), ChainMap({"a": 1}) | {"b": 2})

window = deque(maxlen=3)
for x in [1, 2, 3, 4, 5]:
    window.append(x)
    print(list(window), sum(window) / len(window))
d = deque("abcdef")
d.rotate(2)
print(d, d.popleft(), d.pop(), d.index("b"), d.count("a"))
d.rotate(-1)
d.appendleft("Z")
d.extendleft("xy")
print(d, d[2], d[-1], len(d), d.maxlen, deque([1, 2]) + deque([3]), deque([1]) * 3)
d.insert(2, "I")
d.remove("I")
del d[0]
print(d, d == deque(d), d.copy() is not d, list(reversed(d)))

c1 = Counter("abracadabra")
c2 = Counter(a=1, b=10, z=2)
print(c1, c1 + c2, c1 - c2, c1 & c2, c1 | c2, -c2 if False else +Counter(a=-1, b=2))
c1.update("aaa")
c1.subtract({"a": 7, "q": 1})
print(c1, sorted(c1.elements()), c1.most_common(2), c1["nothing"], c1.total() if hasattr(c1, "total") else sum(c1.values()))
print(Counter([1, 1, 2]) == Counter({1: 2, 2: 1}), Counter("aab") < Counter("aabb") if hasattr(Counter, "__lt__") else "")

od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1), repr(OrderedDict()), od | {"z": 9})


def tree():
    return defaultdict(tree)


t = tree()
t["a"]["b"]["c"] = 1
t["a"]["x"] = 2
t["q"]


def to_dict(t):
    return {k: to_dict(v) if isinstance(v, defaultdict) else v for k, v in t.items()}


print(to_dict(t))
dd = defaultdict(list, {"x": [1]})
dd["y"].append(2)
print(dd, dd.default_factory, dd.get("nope"), "nope" in dd, defaultdict(int)["k"])

Emp = namedtuple("Emp", "name dept salary", defaults=[50000])
e = Emp("ann", "eng")
print(e, e._replace(salary=1), Emp._make(["bob", "ops", 1]), Emp._fields, Emp._field_defaults, e._asdict())
Bad = namedtuple("Bad", ["ok", "def", "ok", "_x"], rename=True)
print(Bad._fields, Bad(1, 2, 3, 4))
try:
    namedtuple("X", "a a")
except ValueError as e:
    print("ValueError:", e)
Point3 = namedtuple("Point3", "x y z", module="geo")
print(Point3.__module__, Point3(1, 2, 3) + (4,), Point3.__doc__, Point3.x.__doc__)


class Lower(UserString):
    def __init__(self, s):
        super().__init__(str(s).lower())


class Stack(UserList):
    def push(self, x):
        self.append(x)


class Defaults(UserDict):
    def __missing__(self, key):
        return f"<{key}>"


print(Lower("HeLLo") + "X", Lower("ABC").upper(), Stack([1, 2]) + [3], Defaults(a=1)["b"], Defaults(a=1)["a"], isinstance(Stack(), Iterable))
