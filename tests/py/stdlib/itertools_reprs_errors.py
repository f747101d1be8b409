import itertools as it

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)

show(lambda: it.count(5))
show(lambda: it.count(1.0))
show(lambda: it.count(1, 1.0))
show(lambda: it.count(2**70, 2))
show(lambda: it.count('a'))
show(lambda: it.repeat('x', 3))
show(lambda: it.repeat('x', -1))
show(lambda: it.repeat('x').__length_hint__())
show(lambda: it.islice([], -1))
show(lambda: it.islice([], 1, 'a'))
show(lambda: it.islice([], 1, 2, 0))
show(lambda: it.islice([]))
show(lambda: it.islice([], stop=3))
show(lambda: it.cycle())
show(lambda: it.chain(x=1))
show(lambda: it.combinations([1], -1))
show(lambda: it.permutations([1], 'a'))
show(lambda: it.product([1], repeat=-1))
show(lambda: it.tee([1], -1))
show(lambda: list(it.starmap(pow, [1])))
show(lambda: list(it.chain(1)))
c = it.count(2**62 - 2)
print(next(c), next(c), next(c), c)
g = it.groupby('aabbc')
k1, g1 = next(g)
k2, g2 = next(g)
print(k1, list(g1), k2, list(g2), [(k, list(v)) for k, v in g])
a, b = it.tee(iter(range(130)))
print(sum(a), sum(b), list(it.islice(b, 3)))
x, = it.tee('abc', 1)
next(x)
y = x.__copy__()
print(list(x), list(y), type(x).__name__)
print(list(it.accumulate([], initial=1)))
print(list(it.permutations('abc')), list(it.combinations_with_replacement([], 0)))
print(list(it.zip_longest()), list(it.zip_longest([1, 2], [3], [4, 5, 6])))
print(it.chain[int], type(it.chain.from_iterable([])).__name__)

class MyCount(it.count):
    pass

print(MyCount(3), next(MyCount(3)))
