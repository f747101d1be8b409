# collections, heapq, bisect, copy and operator as real programs use them.
import collections as C, heapq, bisect, copy, operator as op

d = C.deque([1, 2, 3], maxlen=5)
d.append(4); d.appendleft(0); d.append(5)
print(d, d.maxlen, len(d), d[0], d[-1], 3 in d)
d.rotate(2); print(d); d.rotate(-3); print(d)
d.extend([7, 8]); d.extendleft([9]); print(d)
print(d.pop(), d.popleft(), d.count(5), d.index(5), d)
d.insert(1, 42); d.remove(42); d.reverse(); print(d, list(reversed(d)))
d2 = d.copy(); d2.clear(); print(d2, d == C.deque(d), d * 2 if d.maxlen is None else "bounded")
e = C.deque("abc"); e += "d"; print(e, e * 2, e[1:2] if False else e[1])
for f in [lambda: C.deque().pop(), lambda: C.deque().popleft(), lambda: C.deque([1]).remove(2),
          lambda: C.deque([1]).index(5), lambda: C.deque([1], maxlen=-1), lambda: C.deque([1], maxlen=1).insert(0, 2),
          lambda: C.deque()[0]]:
    try:
        f()
    except Exception as ex:
        print(type(ex).__name__, ex)

dd = C.defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dd, dd["zz"], dict(dd), dd.default_factory)
cnt = C.defaultdict(int); cnt["x"] += 1; print(cnt, repr(C.defaultdict()))
try:
    C.defaultdict(None)["k"]
except KeyError as ex:
    print("KeyError", ex)

od = C.OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b"); od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), list(od))
print(C.OrderedDict(a=1, b=2) == C.OrderedDict(b=2, a=1), dict(a=1, b=2) == C.OrderedDict(b=2, a=1))
try:
    C.OrderedDict().popitem()
except KeyError as ex:
    print("KeyError", ex)

c = C.Counter("abracadabra")
print(c.most_common(3), c["z"], c.total(), sorted(c.elements())[:5])
c2 = C.Counter(a=1, b=-2)
print(c + c2, c - c2, c & c2, c | c2, +c2, -c2)
c.update("aaz"); c.subtract({"a": 10}); print(c)
print(C.Counter({"x": 3}) == C.Counter(x=3), C.Counter(a=1) <= C.Counter(a=2, b=1))
print(sorted(C.Counter([1, 1, 2]).items()), C.Counter().most_common())

base = {"a": 1}; over = {"b": 2}
cm = C.ChainMap(over, base)
print(cm["a"], cm["b"], len(cm), sorted(cm), cm.maps)
cm["a"] = 10; print(over, base, cm.new_child({"c": 3}), cm.parents)
try:
    del cm["zz"]
except KeyError as ex:
    print("KeyError", ex)

Point = C.namedtuple("Point", "x y", defaults=[0])
p = Point(1)
print(p, p._replace(y=5), p._asdict(), Point._fields, Point._field_defaults, Point._make([3, 4]))

h = []
for x in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, x)
print(h, heapq.heappop(h), heapq.heappushpop(h, 0), heapq.heapreplace(h, 7), h)
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data); print(data)
print(heapq.nlargest(3, [5, 1, 8, 3]), heapq.nsmallest(2, ["bb", "a", "ccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5], [3, 6, 9])), list(heapq.merge(["a", "bbb"], ["cc"], key=len)))
print(list(heapq.merge([7, 4], [5, 1], reverse=True)), heapq.nlargest(2, [(1, "a"), (3, "b"), (2, "c")], key=lambda t: t[0]))
try:
    heapq.heappop([])
except IndexError as ex:
    print("IndexError", ex)

a = [1, 2, 2, 4, 7]
print(bisect.bisect_left(a, 2), bisect.bisect_right(a, 2), bisect.bisect(a, 5), bisect.bisect_left(a, 2, 2))
bisect.insort(a, 3); bisect.insort_left(a, 2); print(a)
recs = [("a", 1), ("b", 5), ("c", 9)]
print(bisect.bisect_left(recs, 5, key=lambda r: r[1]), bisect.bisect_right(recs, 5, key=lambda r: r[1]))
bisect.insort(recs, ("x", 6), key=lambda r: r[1]); print(recs)
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as ex:
    print("ValueError", ex)

class Node:
    def __init__(self, v): self.v, self.children = v, []
root = Node(1); root.children.append(root); root.children.append(Node(2))
r2 = copy.deepcopy(root)
print(r2 is not root, r2.children[0] is r2, r2.children[1].v, copy.copy(root).children is root.children)
class Custom:
    def __init__(self, x): self.x = x
    def __copy__(self): return Custom("copied-" + str(self.x))
    def __deepcopy__(self, memo): return Custom("deep-" + str(self.x))
print(copy.copy(Custom(1)).x, copy.deepcopy([Custom(2)])[0].x)
nested = {"a": [1, {"b": (2, [3])}], "t": (1, 2)}
dn = copy.deepcopy(nested)
print(dn == nested, dn["a"] is nested["a"], dn["t"] is nested["t"], copy.copy(nested)["a"] is nested["a"])
print(copy.deepcopy((1, 2)) is not None, copy.copy(C.Counter(a=1)), list(copy.deepcopy(C.OrderedDict(a=[1])).items()))
class Slotted:
    __slots__ = ("a", "b")
    def __init__(self): self.a, self.b = 1, [2]
s2 = copy.deepcopy(Slotted()); print(s2.a, s2.b)

print(op.itemgetter(1)("abc"), op.itemgetter(0, 2)("abc"), op.itemgetter("k")({"k": 5}), op.itemgetter(slice(1, None))([1, 2, 3]))
P2 = C.namedtuple("P2", "name age")
people = [P2("bob", 30), P2("al", 25), P2("cy", 30)]
print(sorted(people, key=op.attrgetter("age", "name")), op.attrgetter("real.imag")(3))
print(op.methodcaller("replace", "a", "b")("banana"), op.methodcaller("split", sep=",")("a,b"))
print(repr(op.itemgetter(1, 2)), repr(op.attrgetter("x.y")), repr(op.methodcaller("f", 1, k=2)))
print(op.add(1, 2), op.concat([1], [2]), op.contains("abc", "b"), op.countOf([1, 1, 2], 1), op.indexOf("abc", "c"))
print(op.truth(0), op.is_(None, None), op.neg(5), op.index(7), op.length_hint([1, 2]), op.length_hint(iter([]), 3))
lst = [1, 2, 3]; op.setitem(lst, 0, 9); op.delitem(lst, 1); print(lst, op.getitem(lst, -1))
x = [1]; x = op.iadd(x, [2]); print(x, op.ipow(2, 10), op.matmul.__name__)
try:
    op.itemgetter()
except TypeError as ex:
    print("TypeError", ex)
try:
    op.attrgetter(1)
except TypeError as ex:
    print("TypeError", ex)
