# pickle and copy of instances of user-defined classes, at every protocol.
import copy
import copyreg
import pickle
from collections import namedtuple
from dataclasses import dataclass, field
from enum import Enum, IntEnum


class Plain:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return type(other) is type(self) and vars(self) == vars(other)

    def __repr__(self):
        return f'Plain({self.a!r}, {self.b!r})'


class Slotted:
    __slots__ = ('x', 'y', '__z')

    def __init__(self, x):
        self.x = x
        self.__z = x * 2

    def show(self):
        return (self.x, getattr(self, 'y', '<unset>'), self.__z)


class SlotsAndDict(Slotted):
    __slots__ = ('w', '__dict__')


class Custom:
    def __init__(self, n):
        self.n = n
        self.cache = 'expensive'

    def __getstate__(self):
        return {'n': self.n}

    def __setstate__(self, state):
        self.n = state['n']
        self.cache = 'rebuilt'


class NewArgs:
    def __new__(cls, a, b=0):
        obj = super().__new__(cls)
        obj.args = (a, b)
        return obj

    def __getnewargs__(self):
        return self.args


class KwOnly:
    def __new__(cls, *, key):
        obj = super().__new__(cls)
        obj.key = key
        return obj

    def __getnewargs_ex__(self):
        return (), {'key': self.key}


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyTuple(tuple):
    pass


class MyInt(int):
    pass


class Color(Enum):
    RED = 1
    GREEN = 2


class Level(IntEnum):
    LOW = 1
    HIGH = 2


Point = namedtuple('Point', 'x y')


@dataclass
class Item:
    name: str
    tags: list = field(default_factory=list)


def roundtrip(obj, proto):
    return pickle.loads(pickle.dumps(obj, proto))


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print('protocol', proto)
    p = roundtrip(Plain(1, [2, 3]), proto)
    print(' plain', p, p == Plain(1, [2, 3]))
    s = Slotted(5)
    s.y = 'why'
    print(' slots', roundtrip(s, proto).show() if proto >= 2 else 'skipped')
    sd = SlotsAndDict(3)
    sd.w = 'w'
    sd.extra = 'e'
    if proto >= 2:
        r = roundtrip(sd, proto)
        print(' slots+dict', r.show(), r.w, r.extra)
    c = roundtrip(Custom(7), proto)
    print(' getstate', c.n, c.cache)
    na = roundtrip(NewArgs(4, 5), proto)
    print(' getnewargs', na.args)
    if proto >= 4:  # (2 and 3 pickle a functools.partial of __new__)
        print(' getnewargs_ex', roundtrip(KwOnly(key='k'), proto).key)
    ml = MyList([1, 2, 3])
    ml.tag = 'list'
    r = roundtrip(ml, proto)
    print(' list subclass', type(r).__name__, r, r.tag)
    md = MyDict(a=1, b=[2])
    md.tag = 'dict'
    r = roundtrip(md, proto)
    print(' dict subclass', type(r).__name__, r, r.tag)
    r = roundtrip(MyTuple((1, 'a')), proto)
    print(' tuple subclass', type(r).__name__, r)
    r = roundtrip(MyInt(42), proto)
    print(' int subclass', type(r).__name__, r)
    print(' enum', roundtrip(Color.GREEN, proto), roundtrip(Level.HIGH, proto) is Level.HIGH)
    r = roundtrip(Point(1, 2), proto)
    print(' namedtuple', r, type(r) is Point)
    r = roundtrip(Item('x', ['t']), proto)
    print(' dataclass', r)
    shared = [1, 2]
    outer = [shared, shared, {'k': shared}]
    r = roundtrip(outer, proto)
    print(' shared', r, r[0] is r[1] is r[2]['k'])
    cyc = Plain(None, None)
    cyc.a = cyc
    cyc.b = [cyc]
    r = roundtrip(cyc, proto)
    print(' cycle', r.a is r, r.b[0] is r)
    if proto >= 2:  # protocols 0 and 1 recurse on a self-containing subclass (CPython too)
        lst = MyList()
        lst.append(lst)
        r = roundtrip(lst, proto)
        print(' list cycle', r[0] is r)

# Protocol 0 text uses raw-unicode-escape; bytes go through codecs.encode.
print(pickle.dumps('caf\xe9 \\u \u20ac\n', 0))
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print(proto, roundtrip(['caf\xe9 \\u \u20ac\n\U0001f600', b'\x00\xffb', bytearray(b'ba')], proto))

# The reduce values themselves (CPython's documented protocol).
obj = Plain(1, 2)
r = obj.__reduce_ex__(2)
print(r[0] is copyreg.__newobj__, r[1] == (Plain,), r[2], r[3], r[4])
r = obj.__reduce_ex__(1)
print(r[0] is copyreg._reconstructor, r[1] == (Plain, object, None), r[2])
r = KwOnly(key=1).__reduce_ex__(4)
print(r[0] is copyreg.__newobj_ex__, r[1] == (KwOnly, (), {'key': 1}))
print(object().__reduce_ex__(2)[1] == (object,), object().__reduce__()[0] is copyreg._reconstructor)
r = MyList([1]).__reduce_ex__(2)
print(list(r[3]), r[4])
r = MyDict(a=1).__reduce_ex__(2)
print(r[3], list(r[4]))
s = Slotted(1)
print(s.__getstate__(), Plain(1, 2).__getstate__(), Plain.__new__(Plain).__getstate__())


class BadEx:
    def __getnewargs_ex__(self):
        return 5


for bad in (BadEx(),):
    try:
        bad.__reduce_ex__(2)
    except TypeError as e:
        print('TypeError', e)
try:  # (the message differs between 3.11 and 3.12+)
    pickle.dumps(Slotted(1), 1)
except TypeError:
    print('TypeError')

# copy and deepcopy go through the same reduce.
p = Plain([1], {'k': [2]})
c1, c2 = copy.copy(p), copy.deepcopy(p)
print(c1 == p, c1.a is p.a, c2 == p, c2.a is p.a)
s = Slotted(9)
print(copy.copy(s).show(), copy.deepcopy(s).show())
print(copy.deepcopy(Custom(3)).cache, copy.copy(NewArgs(1, 2)).args)
ml = MyList([[1], [2]])
d = copy.deepcopy(ml)
print(type(d).__name__, d, d[0] is ml[0])
md = MyDict(x=[1])
print(copy.copy(md)['x'] is md['x'], copy.deepcopy(md)['x'] is md['x'])
print(copy.deepcopy(Item('a', [1])), copy.copy(Color.RED))
