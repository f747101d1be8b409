# functools.partial pickles (its __reduce__/__setstate__), so protocols 2-3
# can pickle objects whose __getnewargs_ex__ has keyword arguments (pickle
# wraps __new__ in a partial there); codecs.escape_decode/escape_encode, which
# pickle uses for Python 2 STRING opcodes.
import codecs
import copy
import functools
import pickle
import warnings


def f(*a, **k):
    return a, k


p = functools.partial(f, 1, 2, x=3)
print(p.__reduce__()[1:] == ((f,), (f, (1, 2), {'x': 3}, None)))
p.attr = 'kept'
r = p.__reduce__()
print(r[0] is functools.partial, r[2][3])
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    q = pickle.loads(pickle.dumps(p, proto))
    print(proto, q(4, y=5), q.attr, q.args, q.keywords)
d = copy.deepcopy(p)
print(d(), d.attr, copy.copy(p).keywords)

q = functools.partial(print)
q.__setstate__((f, (7,), None, None))
print(q(), q.args, type(q.args).__name__, q.keywords, q.__dict__)
q.__setstate__((f, (8,), {'z': 1}, {'a': 2}))
print(q(), q.a)
for bad in (1, (1, 2, 3, 4), (f, [1], None, None), (f, 1, None, None), (f, (), 1, None), (f, (), None)):
    try:
        q.__setstate__(bad)
    except TypeError as e:
        print('TypeError', e)


class Point:
    def __new__(cls, x, *, y):
        self = super().__new__(cls)
        self.x, self.y = x, y
        return self

    def __getnewargs_ex__(self):
        return (self.x,), {'y': self.y}

    def __repr__(self):
        return 'Point(%r, y=%r)' % (self.x, self.y)


for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
    print(proto, pickle.loads(pickle.dumps(Point(1, y=2), proto)))


class Sub(functools.partial):
    pass


s = Sub(f, 1)
print(type(pickle.loads(pickle.dumps(s))).__name__, pickle.loads(pickle.dumps(s))(2))

# escape_decode / escape_encode
for data in (b'abc', b'a\\nb', b'\\x41\\x4', b'\\101\\7z', b'\\', b'\\x', 'a\\tb', b'\\\n',
             b'\\"\\b\\f\\v\\a\\r\\\'\\\\', bytearray(b'\\x7e')):
    try:
        print(codecs.escape_decode(data))
    except ValueError as e:
        print('ValueError', e)
print(codecs.escape_decode(b'\\x4', 'ignore'), codecs.escape_decode(b'\\x4g', 'replace'))
try:
    codecs.escape_decode(b'\\x4', 'foo')
except ValueError as e:
    print('ValueError', e)
print(codecs.escape_encode(b'a\n\x00\'\x80\\\t\r~"'))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(codecs.escape_decode(b'\\q\\777\\z'))
    print([str(x.message) for x in w], [x.category.__name__ for x in w])
# Python 2 pickles: STRING and its escapes
print(pickle.loads(b"S'a\\nb\\x00\\''\np0\n."))
print(pickle.loads(b"(S'k'\nS'v\\tw'\ndp0\n."))
print(pickle.loads(b"S\"q'\"\n."))
