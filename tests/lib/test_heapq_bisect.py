from harness import mine, eq, true, raises, host
heapq = mine('heapq')
bisect = mine('bisect')


def _lcg(n, seed=12345):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2**31
        out.append(seed % 1000)
    return out


def test_push_pop():
    data = _lcg(500)
    h = []
    for x in data:
        heapq.heappush(h, x)
    out = [heapq.heappop(h) for _ in range(len(h))]
    eq(out, sorted(data))
    h = list(data)
    heapq.heapify(h)
    for k in range(len(h)):
        if 2 * k + 1 < len(h):
            true(h[k] <= h[2 * k + 1])
        if 2 * k + 2 < len(h):
            true(h[k] <= h[2 * k + 2])
    with raises(IndexError, 'index out of range'):
        heapq.heappop([])
    with raises(TypeError, 'heap argument must be a list'):
        heapq.heappush((), 1)
    h = [1, 3, 5]
    eq(heapq.heapreplace(h, 4), 1)
    eq(h[0], 3)
    eq(heapq.heappushpop(h, 0), 0)
    eq(heapq.heappushpop(h, 10), 3)


def test_max_heap():
    data = _lcg(200, 7)
    h = list(data)
    heapq.heapify_max(h)
    out = [heapq.heappop_max(h) for _ in range(len(h))]
    eq(out, sorted(data, reverse=True))
    h = []
    for x in data:
        heapq.heappush_max(h, x)
    eq(h[0], max(data))


def test_merge():
    eq(list(heapq.merge([1, 3, 5], [2, 4], [0, 6])), [0, 1, 2, 3, 4, 5, 6])
    eq(list(heapq.merge([5, 3], [4, 1], reverse=True)), [5, 4, 3, 1])
    a = [(1, 'a'), (2, 'a')]
    b = [(1, 'b'), (2, 'b')]
    eq(list(heapq.merge(a, b, key=lambda t: t[0])),
       [(1, 'a'), (1, 'b'), (2, 'a'), (2, 'b')])
    eq(list(heapq.merge(['dog', 'horse'], ['cat', 'fish', 'kangaroo'], key=len)),
       ['dog', 'cat', 'fish', 'horse', 'kangaroo'])
    eq(list(heapq.merge()), [])


def test_nlargest_nsmallest():
    data = _lcg(300, 99)
    for n in (0, 1, 2, 5, 50, 300, 400):
        eq(heapq.nsmallest(n, data), sorted(data)[:n])
        eq(heapq.nlargest(n, data), sorted(data, reverse=True)[:n])
        eq(heapq.nsmallest(n, iter(data), key=lambda x: -x), sorted(data, key=lambda x: -x)[:n])
        eq(heapq.nlargest(n, iter(data), key=lambda x: x % 7),
           sorted(data, key=lambda x: x % 7, reverse=True)[:n])


def test_bisect():
    a = [1, 2, 2, 2, 3]
    eq(bisect.bisect_left(a, 2), 1)
    eq(bisect.bisect_right(a, 2), 4)
    eq(bisect.bisect(a, 0), 0)
    eq(bisect.bisect_left(a, 2, 2), 2)
    eq(bisect.bisect_right(a, 2, 0, 2), 2)
    with raises(ValueError, 'lo must be non-negative'):
        bisect.bisect_left(a, 1, -1)
    b = []
    for x in [5, 1, 4, 1, 3]:
        bisect.insort(b, x)
    eq(b, [1, 1, 3, 4, 5])
    recs = [('a', 1), ('b', 3)]
    bisect.insort(recs, ('c', 2), key=lambda r: r[1])
    eq(recs, [('a', 1), ('c', 2), ('b', 3)])
    eq(bisect.bisect_left(recs, 3, key=lambda r: r[1]), 2)
    bisect.insort_left(recs, ('d', 2), key=lambda r: r[1])
    eq(recs[1], ('d', 2))


TIES = r'''
import heapq, random
random.seed(5)
class K:
    def __init__(s, k, i): s.k = k; s.i = i
    def __lt__(s, o): return s.k < o.k
    def __repr__(s): return '%d/%d' % (s.k, s.i)
out = []
for t in range(30):
    data = [K(random.randint(0, 4), i) for i in range(40)]
    h = list(data); heapq.heapify(h); out.append(repr(h))
    for _ in range(10): heapq.heappop(h)
    out.append(repr(h))
    heapq.heappush(h, K(2, 99)); heapq.heapreplace(h, K(1, 98)); heapq.heappushpop(h, K(3, 97))
    out.append(repr(h))
    m = list(data); heapq._heapify_max(m); heapq._heappop_max(m); out.append(repr(m))
    out.append(repr(heapq.nsmallest(7, data, key=lambda x: x.k)))
    out.append(repr(heapq.nlargest(7, data, key=lambda x: x.k)))
    a = sorted(data[:20], key=lambda x: x.k); b = sorted(data[20:], key=lambda x: x.k)
    out.append(repr(list(heapq.merge(a, b, key=lambda x: x.k))))
print('\n'.join(out))
'''


def test_same_arrangement_as_cpython_with_ties():
    import io, sys
    old = sys.stdout
    sys.stdout = buf = io.StringIO()
    try:
        exec(TIES, {'__name__': 'ties'})
    finally:
        sys.stdout = old
    got = buf.getvalue().split('\n')
    expected = host(TIES).split('\n')
    eq(len(got), len(expected))
    for i, (g, e) in enumerate(zip(got, expected)):
        eq(g, e, 'line %d' % i)
