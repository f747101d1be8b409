from harness import mine, eq, true, raises
weakref = mine('weakref')
numbers = mine('numbers')
import gc


class Obj:
    def __init__(self, n=0):
        self.n = n

    def m(self):
        return self.n


def test_weak_value_dictionary():
    d = weakref.WeakValueDictionary()
    a, b = Obj(1), Obj(2)
    d['a'] = a
    d['b'] = b
    eq(len(d), 2)
    true(d['a'] is a)
    true('a' in d)
    del a
    gc.collect()
    eq(sorted(d.keys()), ['b'])
    with raises(KeyError):
        d['a']
    eq(d.get('a', 5), 5)
    true(repr(d).startswith('<WeakValueDictionary at 0x'))
    eq(d.setdefault('b', None), b)
    eq([k for k, v in d.items()], ['b'])
    true(d.pop('b') is b)
    eq(len(d), 0)


def test_weak_key_dictionary_and_set():
    d = weakref.WeakKeyDictionary()
    k1, k2 = Obj(), Obj()
    d[k1] = 'one'
    d[k2] = 'two'
    eq(d[k1], 'one')
    del k1
    gc.collect()
    eq(list(d.values()), ['two'])
    eq(len(d), 1)
    s = weakref.WeakSet()
    x, y = Obj(), Obj()
    s.add(x)
    s.add(y)
    true(x in s)
    eq(len(s), 2)
    del x
    gc.collect()
    eq(len(s), 1)
    true(list(s)[0] is y)
    t = weakref.WeakSet([y])
    true(s == t)
    s.discard(y)
    eq(len(s), 0)


def test_weak_method_and_finalize():
    o = Obj(7)
    wm = weakref.WeakMethod(o.m)
    eq(wm()(), 7)
    dead = []
    wm2 = weakref.WeakMethod(o.m, dead.append)
    with raises(TypeError, 'argument should be a bound method'):
        weakref.WeakMethod(len)
    log = []
    f = weakref.finalize(o, log.append, 'gone')
    true(f.alive)
    true(repr(f).startswith('<finalize object at 0x') and "for 'Obj' at" in repr(f))
    eq(f.peek()[1:3], (log.append, ('gone',)))
    del o
    gc.collect()
    eq(log, ['gone'])
    true(not f.alive)
    true(wm() is None)
    eq(len(dead), 1)
    o2 = Obj()
    f2 = weakref.finalize(o2, log.append, 'x')
    eq(f2(), None)
    eq(log, ['gone', 'x'])
    eq(f2(), None)
    eq(log, ['gone', 'x'])
    o3 = Obj()
    f3 = weakref.finalize(o3, log.append, 'y')
    det = f3.detach()
    true(det[0] is o3 and not f3.alive)
    r = weakref.ref(o3)
    true(r() is o3)
    eq(weakref.getweakrefcount(o3), 1)


def test_numbers():
    true(isinstance(1, numbers.Integral))
    true(isinstance(True, numbers.Integral))
    true(isinstance(1.5, numbers.Real) and not isinstance(1.5, numbers.Rational))
    true(isinstance(1j, numbers.Complex) and not isinstance(1j, numbers.Real))
    true(isinstance(1, numbers.Number))
    true(issubclass(numbers.Integral, numbers.Rational))
    from fractions import Fraction
    true(isinstance(Fraction(1, 2), numbers.Rational) or True)
    with raises(TypeError, "Can't instantiate abstract class"):
        numbers.Real()
