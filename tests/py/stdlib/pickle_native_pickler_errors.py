# The native pickler's errors: CPython 3.11's exception types and messages.
import pickle
import re
import sys


def attempt(label, obj, proto=None, **kw):
    try:
        data = pickle.dumps(obj, proto, **kw)
        print(label, 'ok', data.hex()[:60])
    except Exception as e:
        msg = re.sub(r'0x[0-9a-f]+', '0x...', str(e))
        print(label, type(e).__module__, type(e).__name__, msg)


def gen():
    yield 1


def outer():
    def inner():
        pass
    return inner


class Local:
    pass


def make_local_class():
    class Hidden:
        pass
    return Hidden


for proto in (0, 2, 4, 5):
    attempt('generator %d' % proto, gen(), proto)
    attempt('local function %d' % proto, outer(), proto)
    attempt('local class %d' % proto, make_local_class(), proto)
    attempt('lambda %d' % proto, lambda: 0, proto)
    if proto >= 2:
        attempt('lock %d' % proto, __import__('threading').Lock(), proto)

renamed = Local
Local = None
attempt('not the same object', renamed, 2)


def vanished():
    pass


f = vanished
del vanished
attempt('attribute lookup', f, 3)
f.__module__ = 'no_such_module_xyz'
attempt('import failed', f, 3)


class BadReduce:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return self.value


for value in [42, (), (1,), (len, (1,), None, None, None, None, 7), (5, ()), (list, [1]),
              (list, (), None, 5), (dict, (), None, None, 5), (list, (), None, None, None, 5),
              (BadReduce, ('a',), {'value': 1}, None, None, None)]:
    attempt('reduce %r' % (value,), BadReduce(value), 2)


def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    return cls.__new__(cls, *args, **kwargs)


class BadNewobj:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return self.value


for value in [(__newobj__, ()), (__newobj__, (5,)), (__newobj__, (int,)), (__newobj_ex__, (1, 2)),
              (__newobj_ex__, (5, (), {})), (__newobj_ex__, (BadNewobj, [], {})),
              (__newobj_ex__, (BadNewobj, (), [])), (__newobj_ex__, (BadNewobj, (1,), {'a': 1}))]:
    for proto in (2, 4):
        attempt('newobj %s %r %d' % (value[0].__name__, value[1], proto), BadNewobj(value), proto)


class Deep:
    pass


nested = []
for _ in range(100000):
    nested = [nested]
attempt('deep list', nested, 4)
d = {}
for _ in range(100000):
    d = {'k': d}
attempt('deep dict', d, 2)


class SelfReduce:
    def __reduce__(self):
        return (SelfReduce, (SelfReduce(),))


try:
    pickle.dumps(SelfReduce(), 2)
except RecursionError:
    print('endless reduce RecursionError')
attempt('protocol 6', 1, 6)
attempt('protocol str', 1, '2')
attempt('protocol float', 1, 2.0)
attempt('buffer_callback below 5', 1, 4, buffer_callback=print)
attempt('PickleBuffer below 5', pickle.PickleBuffer(b'x'), 4)


class MutatingDict(dict):
    pass


big = {i: i for i in range(1500)}


class Grower:
    def __reduce__(self):
        big[len(big) + 10000] = 0
        return (int, ())


big[0] = Grower()
attempt('dict changed size', big, 2)
s = set(range(1200))


class SetGrower:
    def __reduce__(self):
        s.add(len(s) + 100000)
        return (int, ())


s.add(SetGrower())
attempt('set changed size', s, 4)


class NoReduce:
    def __getattribute__(self, name):
        if name in ('__reduce_ex__', '__reduce__'):
            raise AttributeError(name)
        return object.__getattribute__(self, name)


attempt('no reduce', NoReduce(), 2)


class RaisingReduce:
    def __reduce_ex__(self, proto):
        raise ValueError('nope %d' % proto)


attempt('raising reduce', RaisingReduce(), 3)


class BadItems(dict):
    def items(self):
        return iter([1, 2])


attempt('bad items', BadItems(a=1), 2)
attempt('bad items 0', BadItems(a=1), 0)


class Unicode:
    pass


Unicode.__qualname__ = 'Uni\u00e7ode'
Unicode.__name__ = 'Uni\u00e7ode'
globals()['Uni\u00e7ode'] = Unicode
attempt('non-ascii global 2', Unicode, 2)
attempt('non-ascii global 3', Unicode, 3)
attempt('non-ascii global 4', Unicode, 4)
print(pickle.PicklingError.__module__, issubclass(pickle.PicklingError, pickle.PickleError))
