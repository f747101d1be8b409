from harness import mine, eq, true, raises
copy = mine('copy')
mine('copyreg')


class P:
    def __init__(self, x):
        self.x = x


class S:
    __slots__ = ('a', 'b')


def test_shallow():
    l = [[1], 2]
    c = copy.copy(l)
    true(c == l and c is not l and c[0] is l[0])
    d = {'a': [1]}
    true(copy.copy(d)['a'] is d['a'])
    t = (1, [2])
    true(copy.copy(t) is t)
    p = P([1])
    q = copy.copy(p)
    true(q is not p and q.x is p.x and type(q) is P)
    s = S(); s.a = 1; s.b = [2]
    s2 = copy.copy(s)
    eq((s2.a, s2.b), (1, [2]))
    true(s2.b is s.b)


def test_deep():
    inner = [1, 2]
    l = [inner, inner, (inner,)]
    c = copy.deepcopy(l)
    eq(c, l)
    true(c[0] is not inner and c[0] is c[1] and c[2][0] is c[0])
    t = (1, 'a', (2, 3))
    true(copy.deepcopy(t) is t)
    p = P({'k': [1]})
    q = copy.deepcopy(p)
    true(q.x is not p.x and q.x == p.x)
    s = S(); s.a = [1]; s.b = 2
    s2 = copy.deepcopy(s)
    true(s2.a == [1] and s2.a is not s.a)


def test_cycles():
    a = [1]
    a.append(a)
    b = copy.deepcopy(a)
    true(b[1] is b and b is not a)
    d = {}
    d['self'] = d
    e = copy.deepcopy(d)
    true(e['self'] is e)
    p = P(None)
    p.x = p
    q = copy.deepcopy(p)
    true(q.x is q)


def test_hooks():
    class C:
        def __init__(self):
            self.log = []
        def __copy__(self):
            return 'copied'
        def __deepcopy__(self, memo):
            return ('deep', type(memo).__name__)
    eq(copy.copy(C()), 'copied')
    eq(copy.deepcopy(C()), ('deep', 'dict'))

    class St:
        def __init__(self):
            self.v = 1
        def __getstate__(self):
            return {'v': self.v + 1}
        def __setstate__(self, st):
            self.v = st['v'] * 10
    eq(copy.copy(St()).v, 20)

    class L(list):
        pass
    l = L([1, [2]])
    l.attr = 5
    m = copy.deepcopy(l)
    true(type(m) is L and m == [1, [2]] and m.attr == 5 and m[1] is not l[1])


def test_misc():
    f = lambda: 1
    true(copy.deepcopy(f) is f)
    true(copy.copy(int) is int)
    s = {1, 2}
    true(copy.copy(s) == s and copy.copy(s) is not s)
    true(copy.deepcopy(frozenset([1])) == frozenset([1]))

    class BoundOwner:
        def m(self):
            return self
    o = BoundOwner()
    bm = copy.deepcopy(o.m)
    true(bm() is not o and type(bm()) is BoundOwner)
    with raises(TypeError, 'replace() does not support P objects'):
        copy.replace(P(1), x=2)


class PL(list):
    pass


def test_copyreg_with_pickle():
    import pickle
    import sys
    copyreg = mine('copyreg')
    mod = type(sys)('ftpy_test')       # pickle looks classes up by module
    mod.PL = PL
    mod.P = P
    sys.modules['ftpy_test'] = mod
    l = PL([1, 2])
    l.tag = 'x'
    for proto in range(0, 5):
        m = pickle.loads(pickle.dumps(l, proto))
        eq((type(m), list(m), m.tag), (PL, [1, 2], 'x'), 'protocol %d' % proto)
    p = P({'k': 1})
    for proto in range(0, 5):
        q = pickle.loads(pickle.dumps(p, proto))
        eq(q.x, {'k': 1})
    eq(copyreg._slotnames(S), ['a', 'b'])
    c = pickle.loads(pickle.dumps(3 + 4j, 0))
    eq(c, 3 + 4j)
