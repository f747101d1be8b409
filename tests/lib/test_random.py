from harness import mine, eq, true, raises, host
random = mine('random')

ORACLE = r'''
import random
out = []
for s in [7, 0, -5, 2**100, 3.5, 'hello', b'bytes', bytearray(b'ba'), '']:
    random.seed(s)
    out.append(random.random())
random.seed(7)
out.append([random.randint(1, 100) for _ in range(20)])
out.append([random.randrange(0, 1000, 7) for _ in range(10)])
out.append([random.randrange(10**30) for _ in range(3)])
out.append([random.choice('abcdefgh') for _ in range(10)])
l = list(range(30)); random.shuffle(l); out.append(l)
out.append(random.sample(range(100), 10))
out.append(random.sample(range(10**6), 40))
out.append(random.sample(['a', 'b', 'c'], k=5, counts=[3, 1, 2]))
out.append(random.choices('abc', k=8))
out.append(random.choices('abc', weights=[1, 5, 2], k=8))
out.append(random.choices('abc', cum_weights=[1, 5, 9], k=8))
out.append(random.uniform(1, 5))
out.append(random.triangular(0, 10, 3))
out.append([random.gauss(0, 1) for _ in range(5)])
out.append([random.normalvariate(2, 3) for _ in range(5)])
out.append(random.lognormvariate(0, 1))
out.append(random.expovariate(2))
out.append(random.vonmisesvariate(1, 2))
out.append([random.gammavariate(a, 2) for a in (0.5, 1.0, 3.0)])
out.append(random.betavariate(2, 3))
out.append(random.paretovariate(2))
out.append(random.weibullvariate(1, 2))
out.append(random.getrandbits(100))
out.append(random.randbytes(9))
st = random.getstate()
a = random.random()
random.setstate(st)
out.append(a == random.random())
r = random.Random(12345)
out.append([r.random() for _ in range(3)])
random.seed('abc', version=1)
out.append(random.random())
class Sub(random.Random):
    def random(self):
        return 0.5
out.append(Sub().randrange(1000))
print(repr(out))
'''


def mine_values():
    ns = {}
    import io, sys
    old = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        exec(ORACLE, ns)
    finally:
        sys.stdout = old
    return buf.getvalue()


def test_same_numbers_as_cpython():
    expected = eval(host(ORACLE))
    got = eval(mine_values())
    eq(len(got), len(expected))
    for i, (g, e) in enumerate(zip(got, expected)):
        eq(g, e, 'item %d' % i)


def test_sha512():
    eq(random._sha512_py(b'abc').hex(),
       'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a'
       '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f')
    eq(random._sha512_py(b'').hex()[:32], 'cf83e1357eefb8bdf1542850d66d8007')
    eq(random._sha512_py(b'x' * 200), random._sha512(b'x' * 200))


def test_errors():
    with raises(ValueError, 'empty range for randrange()'):
        random.randrange(0)
    with raises(ValueError, 'empty range in randrange(5, 5)'):
        random.randrange(5, 5)
    with raises(ValueError, 'zero step for randrange()'):
        random.randrange(1, 5, 0)
    with raises(TypeError):
        random.randrange(1.5)
    with raises(IndexError, 'Cannot choose from an empty sequence'):
        random.choice([])
    with raises(ValueError, 'Sample larger than population or is negative'):
        random.sample([1], 2)
    with raises(TypeError, 'Population must be a sequence.'):
        random.sample({1}, 1)
    with raises(TypeError, 'The only supported seed types are'):
        random.seed([1])
    with raises(ValueError, 'The number of weights does not match the population'):
        random.choices([1], [1, 2])
    with raises(ValueError, 'gammavariate: alpha and beta must be > 0.0'):
        random.gammavariate(0, 1)


def test_binomial_and_system():
    r = random.Random(1)
    for n, p in [(1, 0.3), (20, 0.2), (1000, 0.3), (50, 0.9)]:
        xs = [r.binomialvariate(n, p) for _ in range(2000)]
        mean = sum(xs) / len(xs)
        true(all(0 <= x <= n for x in xs))
        true(abs(mean - n * p) < 0.1 * n * p + 0.1, (n, p, mean))
    eq(r.binomialvariate(5, 0.0), 0)
    eq(r.binomialvariate(5, 1.0), 5)
    s = random.SystemRandom()
    x = s.random()
    true(0.0 <= x < 1.0)
    true(0 <= s.randrange(10) < 10)
    eq(len(s.randbytes(5)), 5)
    with raises(NotImplementedError):
        s.getstate()
    import copy
    r2 = copy.deepcopy(r)
    eq(r2.random(), r.random())
