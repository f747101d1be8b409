# product, permutations, combinations, combinations_with_replacement and
# groupby pickle and copy in CPython 3.11's forms (fresh, mid-way, exhausted),
# and continue where they were after unpickling.
import copy
import itertools
import pickle
import re


def clean(x):
    return re.sub(r' at 0x[0-9a-f]+', '', repr(x))


makers = [
    ('product', lambda: itertools.product('ab', 'xyz')),
    ('product_repeat', lambda: itertools.product(range(2), repeat=3)),
    ('product_empty', lambda: itertools.product('ab', '')),
    ('permutations', lambda: itertools.permutations('abcd', 2)),
    ('permutations_full', lambda: itertools.permutations(range(3))),
    ('permutations_too_long', lambda: itertools.permutations('ab', 3)),
    ('combinations', lambda: itertools.combinations('abcde', 3)),
    ('combinations_r0', lambda: itertools.combinations('ab', 0)),
    ('cwr', lambda: itertools.combinations_with_replacement('abc', 2)),
]
for name, make in makers:
    for adv in (0, 1, 3, 100):
        it = make()
        for _ in range(adv):
            next(it, None)
        print(name, adv, clean(it.__reduce__()))
        for proto in (0, 2, 5):
            it2 = make()
            for _ in range(adv):
                next(it2, None)
            print('  ', proto, list(pickle.loads(pickle.dumps(it2, proto))), list(copy.deepcopy(it)) == list(it2) or 'differs')

g = itertools.groupby('aaabccdd')
print(clean(g.__reduce__()))
k, grp = next(g)
print(k, clean(g.__reduce__()))
for proto in (0, 2, 4):
    g2 = pickle.loads(pickle.dumps(g, proto))
    print(proto, [(k, ''.join(v)) for k, v in g2])
print([(k, ''.join(v)) for k, v in g])
g = itertools.groupby([1, 2, 3, 4, 5, 6], key=lambda x: x // 3 if False else x % 2 == 0)
print(clean(g.__reduce__())[:60])
gk = itertools.groupby(['ab', 'ac', 'bd'], key=len)
next(gk)
print([(k, list(v)) for k, v in copy.deepcopy(gk)])

p = itertools.product('ab', 'cd')
p.__setstate__((1, 99))
print(list(p))
c = itertools.combinations(range(5), 2)
c.__setstate__((-3, 10))
print(list(c))
w = itertools.combinations_with_replacement('ab', 2)
w.__setstate__((0, 7))
print(list(w))
pm = itertools.permutations('abc')
pm.__setstate__(((2, 1, 0), (1, 5, 0)))
print(list(pm))
for bad in ((1,), 'x', (1, 2, 3)):
    try:
        itertools.product('a', 'b').__setstate__(bad)
    except ValueError as e:
        print('ValueError', e)
