from harness import mine, eq, true, raises, host
reprlib = mine('reprlib')

VALUES = r'''
import collections, array
values = [list(range(20)), tuple(range(3)), (1,), set(range(10)), frozenset('abcdefgh'),
          {i: i for i in range(10)}, 'x' * 100, 'short', 10 ** 60, 'a\nb' * 30,
          [[[[[[[[1]]]]]]]], collections.deque(range(9)), array.array('i', range(9)),
          array.array('b'), set(), frozenset(), {}, (), [], object, {'k': [1, 2, {3: 4}]},
          {3, 1, 2.5}]
'''


def test_against_host():
    code = VALUES + ('import reprlib\nr = reprlib.Repr()\nr2 = reprlib.Repr()\n'
                     'r2.maxlist = 3; r2.maxstring = 12; r2.maxlevel = 2\n'
                     'print(repr([r.repr(v) for v in values] + [r2.repr(v) for v in values]))')
    expected = eval(host(code))
    ns = {}
    exec(VALUES, ns)
    r = reprlib.Repr()
    r2 = reprlib.Repr()
    r2.maxlist = 3
    r2.maxstring = 12
    r2.maxlevel = 2
    got = [r.repr(v) for v in ns['values']] + [r2.repr(v) for v in ns['values']]
    for i, (g, e) in enumerate(zip(got, expected)):
        eq(g, e, 'value %d' % i)


def test_recursive_repr():
    class L(list):
        @reprlib.recursive_repr()
        def __repr__(self):
            return '<' + ', '.join(map(repr, self)) + '>'
    l = L([1])
    l.append(l)
    eq(repr(l), '<1, ...>')
    eq(L.__repr__.__name__, '__repr__')
