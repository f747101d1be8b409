# Every built-in iterator and itertools object pickles (all protocols) and
# deep-copies, at its start, part-way through and exhausted; the loaded copy
# yields what the original would.
import copy
import itertools as it
import operator
import pickle


def mk():
    d = {"a": 1, "b": 2, "c": 3}
    return [
        ("list_iterator", lambda: iter([1, 2, 3, 4])),
        ("list_reverseiterator", lambda: reversed([1, 2, 3, 4])),
        ("tuple_iterator", lambda: iter((1, 2, 3))),
        ("range_iterator", lambda: iter(range(2, 9, 2))),
        ("longrange_iterator", lambda: iter(range(2**70, 2**70 + 4))),
        ("str_ascii_iterator", lambda: iter("abcd")),
        ("str_iterator", lambda: iter("\u00e9\u4e2d\U0001f600x")),
        ("dict_keyiterator", lambda: iter(d)),
        ("dict_valueiterator", lambda: iter(d.values())),
        ("dict_itemiterator", lambda: iter(d.items())),
        ("dict_reversekeyiterator", lambda: reversed(d)),
        ("dict_reversevalueiterator", lambda: reversed(d.values())),
        ("dict_reverseitemiterator", lambda: reversed(d.items())),
        ("set_iterator", lambda: iter({5})),
        ("frozenset_iterator", lambda: iter(frozenset({7}))),
        ("bytes_iterator", lambda: iter(b"xyz")),
        ("bytearray_iterator", lambda: iter(bytearray(b"xyz"))),
        ("enumerate", lambda: enumerate("abc", 5)),
        ("zip", lambda: zip([1, 2, 3], "abc")),
        ("map", lambda: map(operator.neg, [1, 2, 3])),
        ("filter", lambda: filter(None, [0, 1, 2, 0, 3])),
        ("filter_func", lambda: filter(operator.not_, [0, 1, 0])),
        ("reversed", lambda: reversed("abc")),
        ("reversed_empty", lambda: reversed([])),
        ("seq_iterator", lambda: iter(Seq())),
        ("count", lambda: it.count(3, 2)),
        ("count_float", lambda: it.count(0.5)),
        ("cycle", lambda: it.cycle("ab")),
        ("repeat", lambda: it.repeat("x", 3)),
        ("repeat_forever", lambda: it.repeat("y")),
        ("islice", lambda: it.islice(range(10), 1, 8, 2)),
        ("islice_stop", lambda: it.islice("abcdef", 3)),
        ("chain", lambda: it.chain([1, 2], (3,), "ab")),
        ("chain_from_iterable", lambda: it.chain.from_iterable([[1], [2, 3]])),
        ("tee", lambda: it.tee([1, 2, 3, 4])[0]),
        ("groupby", lambda: it.groupby("aabbbc")),
        ("groupby_key", lambda: it.groupby([1, 3, 2, 4, 5], operator.not_)),
        ("accumulate", lambda: it.accumulate([1, 2, 3, 4])),
        ("accumulate_init", lambda: it.accumulate([1, 2, 3], operator.mul, initial=10)),
        ("product", lambda: it.product("ab", range(2))),
        ("permutations", lambda: it.permutations(range(3), 2)),
        ("combinations", lambda: it.combinations("abcd", 2)),
        ("cwr", lambda: it.combinations_with_replacement("ab", 2)),
        ("compress", lambda: it.compress("abcd", [1, 0, 1, 1])),
        ("dropwhile", lambda: it.dropwhile(operator.not_, [0, 0, 1, 0, 2])),
        ("takewhile", lambda: it.takewhile(bool, [1, 2, 0, 3])),
        ("filterfalse", lambda: it.filterfalse(None, [0, 1, 0, 2])),
        ("starmap", lambda: it.starmap(operator.add, [(1, 2), (3, 4)])),
        ("zip_longest", lambda: it.zip_longest("ab", [1, 2, 3], fillvalue="-")),
        ("pairwise", lambda: it.pairwise("abcd")),
    ]


class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10


def drain(x, limit=8):
    out = []
    for v in x:
        if isinstance(v, tuple) and len(v) == 2 and hasattr(v[1], "__next__"):
            v = (v[0], list(v[1]))
        out.append(v)
        if len(out) >= limit:
            break
    return out


for name, make in mk():
    for skip in (0, 1, 100):
        results = []
        for proto in range(pickle.HIGHEST_PROTOCOL + 1):
            o = make()
            for _ in range(skip):
                try:
                    next(o)
                except StopIteration:
                    break
            try:
                c = pickle.loads(pickle.dumps(o, proto))
            except Exception as e:
                results.append("%s: %s" % (type(e).__name__, e))
                continue
            results.append((type(c).__name__, drain(c), drain(o)))
        same = all(r == results[0] for r in results)
        print(name, skip, results[0] if same else results)
    o = make()
    try:
        next(o)
        c = copy.deepcopy(o)
        print("  deepcopy", type(c).__name__, drain(c), drain(o))
    except Exception as e:
        print("  deepcopy %s: %s" % (type(e).__name__, e))

# The common case: copy.deepcopy(iter([1])).
c = copy.deepcopy(iter([1]))
print(type(c).__name__, list(c))
print(list(copy.deepcopy(iter(range(3)))))
print(list(copy.copy(iter([1, 2]))))

# An iterator inside a structure
obj = {"it": iter([1, 2, 3]), "z": zip("ab", "cd")}
obj2 = pickle.loads(pickle.dumps(obj))
print(list(obj2["it"]), list(obj2["z"]))

# A reverse list iterator past its first item is still live until a next()
# finds nothing.
r = reversed([1])
next(r)
print(type(pickle.loads(pickle.dumps(r))).__name__, r.__reduce__()[1:])
next(r, None)
print(type(pickle.loads(pickle.dumps(r))).__name__, r.__reduce__()[1:])
r = reversed([1, 2, 3])
r.__setstate__(-5)
print(list(r))
# tees of one tee() call share their buffer again when pickled together.
a, b = it.tee(iter(range(100)))
next(a)
[next(b) for _ in range(70)]
a2, b2 = pickle.loads(pickle.dumps((a, b)))
print(next(a2), next(b2), len(list(a2)), len(list(b2)))
for bad in [((), 0), (1, 2, 3)]:
    try:
        it.tee([1])[0].__setstate__(bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__)
td = type(it.tee([1])[0].__reduce__()[2][0])
for args in [(iter([]), [1] * 58, None), (iter([]), [1], iter([])), (iter([]), (1,), None)]:
    try:
        td(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
# A group its groupby moved past reduces to an empty iterator.
g = it.groupby("aabb")
k1, g1 = next(g)
k2, g2 = next(g)
print(list(pickle.loads(pickle.dumps(g1))), list(pickle.loads(pickle.dumps(g2))))

# A groupby's group pickles too (3.11 has _grouper.__reduce__).
g = it.groupby("aabb")
k, grp = next(g)
print(k, list(pickle.loads(pickle.dumps(grp))))
