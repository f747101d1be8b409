# collections and itertools recipes in the shapes application code uses.
from collections import Counter, OrderedDict, ChainMap, deque, defaultdict, namedtuple, UserDict, UserList, UserString
import itertools as it
import operator

text = "the cat and the hat and the bat sat on the mat".split()
c = Counter(text)
print(c.most_common(3), c["the"], c["zebra"], sorted(c.elements())[:5])
d = Counter(a=3, b=1, c=0, e=-2)
e = Counter(a=1, b=2, d=4)
print(d + e, d - e, d | e, d & e, +d, -d)
d.update("aab")
d.subtract({"a": 10})
print(d, d.total(), sorted(d.items()))
print(Counter("abracadabra") == Counter("aaaaabbrrcd"), Counter(a=1) <= Counter(a=2, b=1))
print(repr(Counter()), Counter({"x": 2}).most_common(), dict(Counter("aab")))

od = OrderedDict.fromkeys("abcde")
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od)
od2 = OrderedDict([("c", None), ("d", None), ("a", None)])
print(od == od2, dict(od) == dict(od2), list(reversed(od)), od | {"z": 1})

defaults = {"color": "red", "user": "guest", "debug": False}
env = {"user": "admin"}
cli = {"debug": True}
cm = ChainMap(cli, env, defaults)
print(cm["color"], cm["user"], cm["debug"], len(cm), sorted(cm))
child = cm.new_child({"color": "blue"})
child["x"] = 1
print(child["color"], child.maps[0], child.parents["color"], cm.get("x"))
del child["color"]
print(child["color"])
try:
    del child["user"]
except KeyError as e:
    print("KeyError", e)
print(repr(ChainMap({"a": 1}, {"b": 2})), dict(ChainMap({"a": 1}, {"a": 2, "b": 3})))

dq = deque(range(10), maxlen=5)
print(dq, dq.maxlen)
dq.rotate(2)
print(dq)
dq.rotate(-3)
print(dq)
dq.appendleft(-1)
dq.extend([100, 101])
print(dq, dq.count(101), dq.index(101))
dq.extendleft("ab")
print(dq, dq[0], dq[-1])
try:
    dq.index(999)
except ValueError as e:
    print("ValueError", e)
print(deque("abc") * 2, deque([1, 2]) + deque([3]), deque(reversed(deque([1, 2, 3]))))


def tail(filename_lines, n):
    return list(deque(filename_lines, maxlen=n))


def moving_average(iterable, n=3):
    itr = iter(iterable)
    d = deque(it.islice(itr, n - 1))
    d.appendleft(0)
    s = sum(d)
    for elem in itr:
        s += elem - d.popleft()
        d.append(elem)
        yield s / n


print(tail(range(100), 3), list(moving_average([40, 30, 50, 46, 39, 44])))

dd = defaultdict(list)
for word in text:
    dd[len(word)].append(word)
print(sorted(dd.items()), repr(defaultdict(int, {"a": 1})))
tree = lambda: defaultdict(tree)
t = tree()
t["a"]["b"]["c"] = 1
print(t["a"]["b"]["c"], "x" in t)

Point = namedtuple("Point", "x y", defaults=[0])
p = Point(3)
print(p, p._replace(y=5), p._asdict(), Point._fields, Point._field_defaults, Point._make([7, 8]))
try:
    namedtuple("Bad", ["def", "x"])
except ValueError as e:
    print("ValueError", e)
print(namedtuple("R", ["a", "def", "a"], rename=True)._fields)


class LowerDict(UserDict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)


ld = LowerDict({"A": 1})
ld["B"] = 2
print(ld, ld.data, "a" in ld)
ul = UserList([3, 1, 2])
ul.sort()
print(ul, ul + [4], type(ul[1:]).__name__)
us = UserString("hello")
print(us.upper(), us[1:3], type(us.upper()).__name__)


# itertools recipes
def grouper(iterable, n, fillvalue=None):
    return it.zip_longest(*[iter(iterable)] * n, fillvalue=fillvalue)


def roundrobin(*iterables):
    num_active = len(iterables)
    nexts = it.cycle(iter(x).__next__ for x in iterables)
    while num_active:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            num_active -= 1
            nexts = it.cycle(it.islice(nexts, num_active))


def unique_everseen(iterable, key=None):
    seen = set()
    for element in iterable:
        k = element if key is None else key(element)
        if k not in seen:
            seen.add(k)
            yield element


def powerset(iterable):
    s = list(iterable)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))


def sliding_window(iterable, n):
    window = deque(maxlen=n)
    for x in iterable:
        window.append(x)
        if len(window) == n:
            yield tuple(window)


print(list(grouper("ABCDEFG", 3, "x")), list(roundrobin("ABC", "D", "EF")))
print(list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(list(powerset([1, 2, 3])), list(sliding_window("ABCDE", 3)))
print(list(it.pairwise("ABCD")), list(it.accumulate([1, 2, 3, 4], operator.mul)),
      list(it.accumulate([3, 1, 4], max, initial=2)))
print([(k, list(g)) for k, g in it.groupby(sorted("mississippi"))])
print(list(it.starmap(pow, [(2, 5), (3, 2)])), list(it.compress("ABCDEF", [1, 0, 1, 0, 1, 1])))
print(list(it.takewhile(lambda x: x < 5, [1, 4, 6, 4, 1])), list(it.dropwhile(lambda x: x < 5, [1, 4, 6, 4, 1])))
print(list(it.filterfalse(lambda x: x % 2, range(10))), list(it.islice("ABCDEFG", 2, None, 2)))
print(list(it.product("ab", repeat=2)), len(list(it.permutations(range(4), 2))),
      list(it.combinations_with_replacement("ABC", 2)))
a, b = it.tee([1, 2, 3])
print(list(a), list(b), list(it.repeat("x", 3)), list(it.zip_longest("ab", "xyz", fillvalue="-")))
print(list(zip(it.count(10, 2.5), "abc")), list(it.chain([1], (2,), {3: 0})))
