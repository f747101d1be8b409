# Byte-exact output of the native pickler across a corpus: every protocol
# of each value gives the bytes python3's C pickler gives (printed as hex
# for atoms, as an md5 of the pickle for the larger structures): ints of
# every size class, floats, strs with surrogates, bytes, containers, shared
# references and cycles, user classes (dict, slots, getstate, reduce,
# reduce_ex, getnewargs(_ex)), enums, namedtuples, dataclasses, datetime,
# partial, collections types, batches of more than 1000 items, large
# payloads outside frames.
import hashlib
import pickle
vals = [None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -65536, 2**31-1, 2**31, -2**31, -2**31-1, 2**63, -2**63, 2**64, -2**64-1, 2**70+5, -(2**200), 2**2000,
        0.0, -0.0, 1.5, 1e100, float('inf'), float('-inf'), 'abc', '', 'caf\u00e9', '\u20ac', '\U0001f600', '\ud800x', '\ud83d\ude00', 'a\\b\nc\r\x00\x1a',
        b'', b'abc', b'\x00\xff'*200, bytearray(b'xy'), bytearray(), (), (1,), (1,2), (1,2,3), (1,2,3,4), [], [1], [1,2], {}, {1:2}, {1:2,3:4},
        set(), {1,2,3}, frozenset(), frozenset({1,2}), [[1,2],[3,[4]]], len, int, type(None), type(...), ..., NotImplemented, type(NotImplemented),
        1+2j, range(5), slice(1,2,3)]
for v in vals:
    for p in range(6):
        try:
            r = pickle.dumps(v, p).hex()
        except Exception as e:
            r = 'ERR %s: %s' % (type(e).__name__, e)
        print(p, repr(v)[:40], r[:300])


import datetime, functools, enum, dataclasses, decimal, fractions
from collections import namedtuple, OrderedDict, deque, defaultdict, Counter

class Plain:
    def __init__(self): self.a = 1; self.b = [1, 2]
class Slots:
    __slots__ = ('x', 'y')
    def __init__(self): self.x = 1
class SlotsDict:
    __slots__ = ('x', '__dict__')
    def __init__(self): self.x = 1; self.z = 2
class GetState:
    def __init__(self): self.v = 3
    def __getstate__(self): return {'v': self.v * 2}
    def __setstate__(self, s): self.__dict__.update(s)
class Reduce:
    def __reduce__(self): return (Reduce, ())
class ReduceEx:
    def __reduce_ex__(self, p): return (ReduceEx, (p,))
    def __init__(self, p=None): self.p = p
class NewArgs(int):
    def __new__(cls, v): return int.__new__(cls, v)
    def __getnewargs__(self): return (int(self),)
class NewArgsEx:
    def __new__(cls, *a, **k): o = object.__new__(cls); return o
    def __getnewargs_ex__(self): return ((1,), {'k': 2})
class MyList(list): pass
class MyDict(dict): pass
class MyTuple(tuple): pass
class MyStr(str): pass
class Color(enum.Enum):
    RED = 1
    GREEN = 2
class Flags(enum.IntFlag):
    A = 1
    B = 2
Pt = namedtuple('Pt', 'x y')
@dataclasses.dataclass
class DC:
    a: int
    b: str = 'x'
class Outer:
    class Inner:
        pass
def func(): pass

ml = MyList([1, 2]); ml.attr = 5
md = MyDict(a=1); md.q = 2
shared = [1, 2]
rec = []; rec.append(rec)
recd = {}; recd['self'] = recd
rect = ([],); rect[0].append(rect)
objs = {
 'plain': Plain(), 'slots': Slots(), 'slotsdict': SlotsDict(), 'getstate': GetState(), 'reduce': Reduce(),
 'reduce_ex': ReduceEx(), 'newargs': NewArgs(5), 'newargsex': NewArgsEx(), 'mylist': ml, 'mydict': md,
 'mytuple': MyTuple((1, 2)), 'mystr': MyStr('s'), 'enum': Color.RED, 'flag': Flags.A | Flags.B, 'nt': Pt(1, 2),
 'dc': DC(1), 'inner': Outer.Inner, 'inner_inst': Outer.Inner(), 'func': func, 'shared': [shared, shared, (shared,)],
 'rec': rec, 'recd': recd, 'rect': rect,
 'date': datetime.date(2020, 1, 2), 'dt': datetime.datetime(2020, 1, 2, 3, 4, 5, 6), 'td': datetime.timedelta(1, 2, 3),
 'time': datetime.time(1, 2, 3),
 'partial': functools.partial(max, 1, key=None), 'od': OrderedDict(a=1, b=2), 'deque': deque([1, 2], 5),
 'dd': defaultdict(list, {1: [2]}), 'counter': Counter('aab'), 'bigl': list(range(2500)), 'bigd': {i: str(i) for i in range(2001)},
 'bigs': set(range(1500)), 'bigfs': frozenset(range(1200)), 'big_str': 'x' * 70000, 'big_bytes': b'y' * 70000,
 'many_strs': ['s%d' % i for i in range(300)], 'decimal': decimal.Decimal('1.5'), 'fraction': fractions.Fraction(1, 3),
 'complex': 1j, 'range': range(1, 10, 2), 'slice': slice(None), 'methods': [[].append, 'abc'.upper, dict.fromkeys],
 'builtin_types': [int, str, list, dict, object, type, Exception, ValueError], 'exc': ValueError('x', 1),
 'type_none': [type(None), type(NotImplemented), type(...)], 'bytearr': bytearray(b'abc'),
 'dict1000': {i: i for i in range(1000)}, 'list1000': list(range(1000)), 'list1001': list(range(1001)),
 'set1000': set(range(1000)), 'set2000': set(range(2000)), 'fs1000': frozenset(range(1000)), 'gen_list': MyList(range(2001)),
 'nested': {'a': [1, 2.5, None, True, ('t', b'b')], 'b': {'c': frozenset([1])}},
}
for name, o in objs.items():
    for p in range(6):
        try:
            b = pickle.dumps(o, p)
            r = hashlib.md5(b).hexdigest() + ' %d' % len(b)
        except Exception as e:
            r = 'ERR %s: %s' % (type(e).__name__, e)
        print(name, p, r)
