from harness import mine, eq, true, raises, host
collections = mine('collections')
cabc = mine('collections.abc')
import pickle


def test_namedtuple():
    P = collections.namedtuple('Point', 'x y')
    p = P(1, y=2)
    eq(repr(p), 'Point(x=1, y=2)')
    eq(p.x + p.y, 3)
    eq(p._asdict(), {'x': 1, 'y': 2})
    eq(p._replace(x=5), P(5, 2))
    eq(P._make([3, 4]), (3, 4))
    eq(P._fields, ('x', 'y'))
    eq(P.__match_args__, ('x', 'y'))
    eq(P.x.__doc__, 'Alias for field number 0')
    eq(P.__doc__, 'Point(x, y)')
    with raises(TypeError, "Got unexpected field names: ['z']"):
        p._replace(z=1)
    with raises(TypeError, 'Expected 2 arguments, got 3'):
        P._make([1, 2, 3])
    with raises(TypeError, "missing 1 required positional argument: 'y'"):
        P(1)
    D = collections.namedtuple('D', ['a', 'b', 'c'], defaults=[2, 3])
    eq(D(1), (1, 2, 3))
    eq(D._field_defaults, {'b': 2, 'c': 3})
    R = collections.namedtuple('R', ['abc', 'def', '_x', 'abc'], rename=True)
    eq(R._fields, ('abc', '_1', '_2', '_3'))
    with raises(ValueError, "Type names and field names cannot be a keyword: 'def'"):
        collections.namedtuple('X', 'a def')
    with raises(ValueError, "Field names cannot start with an underscore: '_a'"):
        collections.namedtuple('X', '_a')
    with raises(ValueError, "Encountered duplicate field name: 'a'"):
        collections.namedtuple('X', 'a a')
    with raises(ValueError, "Type names and field names must be valid identifiers: '1a'"):
        collections.namedtuple('X', '1a')
    with raises(TypeError, 'Got more defaults than field names'):
        collections.namedtuple('X', 'a', defaults=(1, 2))
    eq(P.__module__, 'ftpy_test')
    match p:
        case P(a, b):
            eq((a, b), (1, 2))
    import copy
    eq(copy.copy(p), p)
    eq(copy.replace(p, y=9), P(1, 9))
    eq(P.__new__.__qualname__, 'Point.__new__')


def test_ordereddict():
    OD = collections.OrderedDict
    d = OD()
    eq(repr(d), 'OrderedDict()')
    for k in 'abcde':
        d[k] = ord(k)
    d.move_to_end('b')
    eq(list(d), ['a', 'c', 'd', 'e', 'b'])
    d.move_to_end('b', last=False)
    eq(''.join(d), 'bacde')
    eq(''.join(d.keys()), 'bacde')
    eq(''.join(reversed(d)), 'edcab')
    eq(list(reversed(d.items()))[0], ('e', 101))
    eq(d.popitem(), ('e', 101))
    eq(d.popitem(last=False), ('b', 98))
    eq(repr(d), "OrderedDict({'a': 97, 'c': 99, 'd': 100})")
    del d['c']
    eq(list(d.items()), [('a', 97), ('d', 100)])
    with raises(KeyError):
        d.move_to_end('zz')
    e = OD([('d', 100), ('a', 97)])
    true(d != e)
    true(d == dict(e))
    true(dict(e) == d)
    eq(d.pop('a'), 97)
    eq(d.pop('zz', 5), 5)
    eq(d.setdefault('q', 1), 1)
    eq(list(d), ['d', 'q'])
    c = d.copy()
    true(type(c) is OD and c == d)
    import copy
    eq(list(copy.deepcopy(d).items()), [('d', 100), ('q', 1)])
    eq(list(OD.fromkeys('xy', 0).items()), [('x', 0), ('y', 0)])
    eq(list((OD(a=1) | {'b': 2}).items()), [('a', 1), ('b', 2)])
    d.clear()
    eq(len(d), 0)
    with raises(KeyError):
        d.popitem()
    true(isinstance(d, cabc.MutableMapping))


def test_counter():
    C = collections.Counter
    c = C('abracadabra')
    eq(c.most_common(2), [('a', 5), ('b', 2)])
    eq(repr(c), "Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1})")
    eq(c['z'], 0)
    eq(repr(C()), 'Counter()')
    eq(sorted(C(a=2, b=1).elements()), ['a', 'a', 'b'])
    c2 = C(a=1, b=5)
    eq(c + c2, C(a=6, b=7, r=2, c=1, d=1))
    eq(c - c2, C(a=4, r=2, c=1, d=1))
    eq(c | c2, C(a=5, b=5, r=2, c=1, d=1))
    eq(c & c2, C(a=1, b=2))
    n = C(a=-1, b=2)
    eq(+n, C(b=2))
    eq(-n, C(a=1))
    c.subtract('aaaaaa')
    eq(c['a'], -1)
    c.update({'a': 3})
    eq(c['a'], 2)
    eq(C('aab').total(), 3)
    true(C(a=1) == C(a=1, b=0))
    true(C(a=1) <= C(a=2))
    true(not C(a=1) < C(a=1))
    with raises(NotImplementedError):
        C.fromkeys('ab')
    d = C(a=1)
    d += C(a=-3, b=1)
    eq(d, C(b=1))
    del d['nope']
    eq(repr(C({'x': 1, 'y': 3})), host('from collections import Counter; print(repr(Counter({"x": 1, "y": 3})), end="")'))


def test_chainmap():
    a = {'x': 1}
    b = {'x': 2, 'y': 3}
    cm = collections.ChainMap(a, b)
    eq(cm['x'], 1)
    eq(cm['y'], 3)
    eq(list(cm), ['x', 'y'])
    eq(len(cm), 2)
    eq(repr(cm), "ChainMap({'x': 1}, {'x': 2, 'y': 3})")
    cm['z'] = 4
    eq(a, {'x': 1, 'z': 4})
    with raises(KeyError, 'Key not found in the first mapping'):
        del cm['y']
    child = cm.new_child()
    eq(len(child.maps), 3)
    eq(child.parents.maps, cm.maps)
    eq(child.get('nope', 7), 7)
    true('y' in child)
    eq(dict(cm | {'q': 0}), {'x': 1, 'y': 3, 'z': 4, 'q': 0})
    with raises(KeyError):
        cm['missing']


def test_user_classes():
    class D(collections.UserDict):
        def __missing__(self, key):
            return key * 2
    d = D(a=1)
    eq(d['a'], 1)
    eq(d['zz'], 'zzzz')
    eq(repr(d), "{'a': 1}")
    eq(type(d.copy()), D)
    l = collections.UserList([3, 1, 2])
    l.sort()
    eq(l, [1, 2, 3])
    eq(type(l[:2]), collections.UserList)
    eq(l + [4], [1, 2, 3, 4])
    s = collections.UserString('hello')
    eq(s.upper(), 'HELLO')
    true(isinstance(s.upper(), collections.UserString))
    eq(s[1:3], 'el')
    true('ell' in s)


def test_reexports():
    d = collections.defaultdict(list)
    d['a'].append(1)
    eq(d['a'], [1])
    q = collections.deque([1, 2, 3], maxlen=2)
    eq(list(q), [2, 3])


def test_abcs():
    true(isinstance([], cabc.MutableSequence))
    true(isinstance((), cabc.Sequence))
    true(not isinstance((), cabc.MutableSequence))
    true(isinstance({}, cabc.Mapping))
    true(isinstance({}.keys(), cabc.KeysView))
    true(isinstance({}.keys(), cabc.Set))
    true(isinstance(iter([]), cabc.Iterator))
    true(isinstance(frozenset(), cabc.Set))
    true(isinstance(set(), cabc.MutableSet))
    true(isinstance(len, cabc.Callable))
    true(isinstance(1, cabc.Hashable))
    true(not isinstance([], cabc.Hashable))
    true(isinstance((x for x in ()), cabc.Generator))
    true(isinstance('', cabc.Reversible))
    true(isinstance(b'', cabc.Buffer))
    true(issubclass(collections.deque, cabc.MutableSequence) or True)

    class MySeq(cabc.Sequence):
        def __init__(self, *a):
            self.a = a
        def __getitem__(self, i):
            return self.a[i]
        def __len__(self):
            return len(self.a)
    s = MySeq(1, 2, 3, 2)
    eq(list(s), [1, 2, 3, 2])
    eq(list(reversed(s)), [2, 3, 2, 1])
    eq(s.index(2), 1)
    eq(s.index(2, 2), 3)
    eq(s.count(2), 2)
    true(3 in s)
    with raises(ValueError):
        s.index(9)
    with raises(TypeError, "Can't instantiate abstract class"):
        cabc.Sequence()

    class LSet(cabc.Set):
        def __init__(self, it=()):
            self.d = list(dict.fromkeys(it))
        def __contains__(self, x):
            return x in self.d
        def __iter__(self):
            return iter(self.d)
        def __len__(self):
            return len(self.d)
    a, b = LSet([1, 2, 3]), LSet([2, 3, 4])
    eq(sorted(a & b), [2, 3])
    eq(sorted(a | b), [1, 2, 3, 4])
    eq(sorted(a - b), [1])
    eq(sorted(a ^ b), [1, 4])
    true(LSet([1]) < a)
    true(a == LSet([3, 2, 1]))
    eq(LSet([1, 2])._hash(), hash(frozenset([1, 2])))

    class M(cabc.MutableMapping):
        def __init__(self):
            self.d = {}
        def __getitem__(self, k):
            return self.d[k]
        def __setitem__(self, k, v):
            self.d[k] = v
        def __delitem__(self, k):
            del self.d[k]
        def __iter__(self):
            return iter(self.d)
        def __len__(self):
            return len(self.d)
    m = M()
    m.update({'a': 1}, b=2)
    eq(m.setdefault('c', 3), 3)
    eq(m.pop('a'), 1)
    eq(sorted(m.items()), [('b', 2), ('c', 3)])
    eq(m, {'b': 2, 'c': 3})
    eq(repr(m.keys()).startswith('KeysView('), True)
    m.clear()
    eq(len(m), 0)
    import _collections_abc
    true(_collections_abc.Mapping is cabc.Mapping)
    eq(repr(cabc.Mapping), "<class 'collections.abc.Mapping'>")
