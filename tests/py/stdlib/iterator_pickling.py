# Built-in and itertools iterators pickle, copy and deep-copy as in CPython 3.11:
# __reduce__'s form, and the unpickled iterator continues where the original was.
import copy
import itertools
import pickle
import re
import threading


def clean(x):
    return re.sub(r' at 0x[0-9a-f]+', '', repr(x))


def take(it):
    return list(itertools.islice(it, 8))


def check(name, make, adv=1):
    it = make()
    for _ in range(adv):
        next(it, None)
    try:
        r = it.__reduce__()
    except Exception as e:
        print(name, 'reduce:', type(e).__name__, e)
        return
    print(name, type(it).__name__, clean(r))
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        it = make()
        for _ in range(adv):
            next(it, None)
        try:
            got = take(pickle.loads(pickle.dumps(it, proto)))
        except Exception as e:
            got = '%s: %s' % (type(e).__name__, e)
        print('  proto', proto, got, take(it))
    it = make()
    for _ in range(adv):
        next(it, None)
    c = copy.copy(it)
    d = copy.deepcopy(it)
    print('  deepcopy', take(d), 'copy', take(c), 'original', take(it))


d = {'a': 1, 'b': 2, 'c': 3}


class Seq:
    def __len__(self):
        return 4

    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10


def counter():
    n = [0]

    def f():
        n[0] += 1
        return n[0]
    return f


cases = [
    ('list', lambda: iter([1, 2, 3])),
    ('list_done', lambda: iter([1]), 2),
    ('list_rev', lambda: reversed([1, 2, 3])),
    ('list_rev_done', lambda: reversed([1]), 2),
    ('tuple', lambda: iter((1, 2, 3))),
    ('tuple_done', lambda: iter((1,)), 2),
    ('range', lambda: iter(range(1, 10, 2))),
    ('range_rev', lambda: reversed(range(5))),
    ('range_done', lambda: iter(range(1)), 2),
    ('longrange', lambda: iter(range(2**70, 2**70 + 3))),
    ('str_ascii', lambda: iter('abc')),
    ('str_ascii_done', lambda: iter('a'), 2),
    ('str', lambda: iter('\xe9t\xe9')),
    ('bytes', lambda: iter(b'xyz')),
    ('bytes_done', lambda: iter(b'x'), 2),
    ('bytearray', lambda: iter(bytearray(b'xyz'))),
    ('bytearray_done', lambda: iter(bytearray(b'x')), 2),
    ('dict_keys', lambda: iter(d)),
    ('dict_values', lambda: iter(d.values())),
    ('dict_items', lambda: iter(d.items())),
    ('dict_rev_items', lambda: reversed(d.items())),
    ('dict_done', lambda: iter({'a': 1}), 2),
    ('set', lambda: iter({7})),
    ('set_done', lambda: iter({7}), 2),
    ('frozenset', lambda: iter(frozenset([5]))),
    ('enumerate', lambda: enumerate('abc', 5)),
    ('enumerate_big', lambda: enumerate('abc', 2**70)),
    ('zip', lambda: zip('abc', [1, 2, 3])),
    ('zip_strict', lambda: zip('abc', [1, 2, 3], strict=True)),
    ('map', lambda: map(str.upper, 'abc')),
    ('filter', lambda: filter(None, [0, 1, 0, 2, 3])),
    ('reversed_seq', lambda: reversed('abc')),
    ('reversed_done', lambda: reversed('a'), 2),
    ('seq_iter', lambda: iter(Seq())),
    ('seq_iter_done', lambda: iter(Seq()), 5),
    ('callable_done', lambda: iter(counter(), 1), 1),
    ('count', lambda: itertools.count(3)),
    ('count_step', lambda: itertools.count(3, 2)),
    ('count_float', lambda: itertools.count(1.5)),
    ('repeat', lambda: itertools.repeat('x', 3)),
    ('cycle', lambda: itertools.islice(itertools.cycle('ab'), 5)),
    ('cycle_first', lambda: itertools.cycle('abc')),
    ('islice', lambda: itertools.islice('abcdefgh', 1, 7, 2)),
    ('islice_done', lambda: itertools.islice('ab', 1), 3),
    ('chain', lambda: itertools.chain('ab', 'cd')),
    ('chain_from', lambda: itertools.chain.from_iterable(['ab', 'cd']), 3),
    ('accumulate', lambda: itertools.accumulate([1, 2, 3, 4])),
    ('accumulate_initial', lambda: itertools.accumulate([1, 2, 3], initial=10), 0),
    ('compress', lambda: itertools.compress('abcd', [1, 0, 1, 1])),
    ('dropwhile', lambda: itertools.dropwhile(lambda x: x < 2, [1, 2, 0, 3]) if False else
        itertools.dropwhile(bool, [1, 0, 1, 2])),
    ('takewhile', lambda: itertools.takewhile(bool, [1, 1, 0, 1])),
    ('filterfalse', lambda: itertools.filterfalse(None, [0, 1, 0, 0])),
    ('starmap', lambda: itertools.starmap(pow, [(2, 3), (3, 2), (4, 2)])),
    ('zip_longest', lambda: itertools.zip_longest('a', 'bcd', fillvalue='-')),
]
for case in cases:
    check(*case)

# cycle past its first pass keeps its position
c = itertools.cycle('abc')
for _ in range(4):
    next(c)
print(clean(c.__reduce__()))
c2 = pickle.loads(pickle.dumps(c))
print([next(c2) for _ in range(6)], [next(c) for _ in range(6)])

# __setstate__ clamps as CPython does
for st in (-5, 1, 99):
    it = iter([1, 2, 3]); it.__setstate__(st); print('list', st, list(it))
    it = reversed([1, 2, 3]); it.__setstate__(st); print('rev', st, list(it))
    it = iter((1, 2, 3)); it.__setstate__(st); print('tuple', st, list(it))
    it = iter('abc'); it.__setstate__(st); print('str', st, list(it))
    it = iter(b'abc'); it.__setstate__(st); print('bytes', st, list(it))
    it = iter(range(3)); it.__setstate__(st); print('range', st, list(it))
    it = iter(range(2**70, 2**70 + 3)); it.__setstate__(st); print('longrange', st, list(it))
for bad in ('a', 1.5, 2**70):
    try:
        iter([1]).__setstate__(bad)
    except Exception as e:
        print(type(e).__name__, e)
it = iter([1])
next(it); next(it, None)
it.__setstate__(0)
print('exhausted stays exhausted', list(it))
z = zip('ab', 'c')
z.__setstate__(True)
try:
    print(list(z))
except ValueError as e:
    print('ValueError', e)

# A reduce racing with next() on another thread sees a whole position.
big = list(range(20000))
it = iter(big)
stop = False
seen = []


def reader():
    while not stop:
        r = it.__reduce__()
        if len(r) == 3:
            seen.append(r[2])


t = threading.Thread(target=reader)
t.start()
total = sum(1 for _ in it)
stop = True
t.join()
print('consumed', total, 'positions monotone', seen == sorted(seen), all(0 <= i <= 20000 for i in seen))
