# The native _pickle.Pickler object: persistent_id, dispatch_table (class
# and instance attribute, copyreg.dispatch_table), reducer_override, memo
# and its proxy, clear_memo, fast, bin, re-used picklers and files.
import copyreg
import io
import pickle
import pickletools
import _pickle


def show(label, data):
    print(label, data.hex())


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


# persistent_id as a subclass method and as an instance attribute
class PersPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Point):
            return ('Point', obj.x)
        return None


for proto in range(6):
    f = io.BytesIO()
    PersPickler(f, proto).dump([Point(1, 2), 'x', Point(3, 4)])
    show('pers %d' % proto, f.getvalue())

f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.persistent_id = lambda o: 'S' if o == 'secret' else None
p.dump(['secret', 'public'])
show('pers attr', f.getvalue())
print('persistent_id attr', callable(p.persistent_id))
try:
    p.persistent_id = 5
except TypeError as e:
    print('TypeError', e)
try:
    del p.persistent_id
except TypeError as e:
    print('TypeError', e)
try:
    pickle.Pickler(io.BytesIO()).persistent_id
except AttributeError as e:
    print('AttributeError', e)
pp = PersPickler(io.BytesIO())
print('bound method', pp.persistent_id.__func__ is PersPickler.persistent_id, pp.persistent_id.__self__ is pp)

# protocol 0 persistent ids must be ASCII
f = io.BytesIO()
p = pickle.Pickler(f, 0)
p.persistent_id = lambda o: 'caf\u00e9' if o == 1 else None
try:
    p.dump([1])
except pickle.PicklingError as e:
    print('PicklingError', e)


# dispatch_table: class attribute, instance attribute, copyreg
def reduce_point(pt):
    return (Point, (pt.x * 10, pt.y * 10))


class TablePickler(pickle.Pickler):
    dispatch_table = {Point: reduce_point}


f = io.BytesIO()
TablePickler(f, 3).dump(Point(1, 2))
show('class table', f.getvalue())
print(pickle.loads(f.getvalue()).x)

f = io.BytesIO()
p = pickle.Pickler(f, 4)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Point] = reduce_point
p.dump([Point(5, 6)])
show('instance table', f.getvalue())
del p.dispatch_table
try:
    p.dispatch_table
except AttributeError as e:
    print('AttributeError', e)

copyreg.pickle(Point, reduce_point)
show('copyreg', pickle.dumps(Point(7, 8), 2))
del copyreg.dispatch_table[Point]


class MappingTable:
    def __getitem__(self, key):
        if key is Point:
            return reduce_point
        raise KeyError(key)


f = io.BytesIO()
p = pickle.Pickler(f, 1)
p.dispatch_table = MappingTable()
p.dump([Point(1, 1), 2])
show('mapping table', f.getvalue())


# reducer_override, including for classes and functions
class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Point:
            return 'Point'
        if isinstance(obj, Point):
            return (Point, (obj.y, obj.x))
        if obj is len:
            return (min, (1, 2))
        return NotImplemented


f = io.BytesIO()
OverridePickler(f, 4).dump([Point(1, 2), len, max, Point])
show('override', f.getvalue())


class BadOverride(pickle.Pickler):
    def reducer_override(self, obj):
        if obj == 3:
            return 42
        return NotImplemented


try:
    BadOverride(io.BytesIO(), 2).dump([1, 3.5, 'x', (3,)])
except pickle.PicklingError as e:
    print('PicklingError', e)

# the memo: persists between dumps, proxy copy/clear, assignment
f = io.BytesIO()
p = pickle.Pickler(f, 2)
shared = ['shared']
p.dump(shared)
p.dump(shared)
show('two dumps', f.getvalue())
memo = p.memo.copy()
print('memo', sorted((idx, type(obj).__name__) for idx, obj in memo.values()))
print('memo keys are ids', all(k == id(v[1]) for k, v in memo.items()))
print('proxy reduce', p.memo.__reduce__()[0] is dict, type(p.memo).__name__)
p.clear_memo()
print('after clear_memo', p.memo.copy())
p.dump(shared)
p.memo.clear()
print('after proxy clear', p.memo.copy())
p2 = pickle.Pickler(io.BytesIO(), 2)
p2.memo = {id(shared): (7, shared)}
f2 = io.BytesIO()
p3 = pickle.Pickler(f2, 2)
p3.memo = p2.memo
p3.dump([shared, 'new'])
show('memo assigned', f2.getvalue())
for bad in (5, {1: 2}, {1: (1, 2, 3)}):
    try:
        p3.memo = bad
    except TypeError as e:
        print('TypeError', e)
try:
    del p3.memo
except TypeError as e:
    print('TypeError', e)

# fast mode: no memo opcodes
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = 1
print('fast', p.fast, 'bin', p.bin)
x = [1, 2]
p.dump([x, x, 'a', 'a'])
show('fast', f.getvalue())

# bin is only the opcode family: protocol 2 with text opcodes
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.bin = 0
p.dump([1, 'a', (2,)])
show('bin 0', f.getvalue())
try:
    p.bin = 'x'
except TypeError as e:
    print('TypeError', e)

# a Pickler re-initialised, and one whose __init__ was not called
p = pickle.Pickler(io.BytesIO(), 0)
f = io.BytesIO()
p.__init__(f, 3)
p.dump({'k': b'v'})
show('reinit', f.getvalue())


class NoInit(pickle.Pickler):
    def __init__(self):
        pass


try:
    NoInit().dump(1)
except pickle.PicklingError as e:
    print('PicklingError', e)


# the file gets frames as they fill (protocol 4: 64 KiB frames)
class Recorder:
    def __init__(self):
        self.sizes = []

    def write(self, data):
        self.sizes.append(len(data))


rec = Recorder()
pickle.Pickler(rec, 4).dump([str(i) * 20 for i in range(10000)])
print('writes', rec.sizes)
rec = Recorder()
pickle.dump([b'a' * 100000, 'b' * 70000, 1], rec, 5)
print('big payload writes', rec.sizes)
rec = Recorder()
pickle.dump(list(range(30000)), rec, 2)
print('protocol 2 writes', rec.sizes)

# arguments
for args, kw in [((), {}), ((io.BytesIO(), 6), {}), ((io.BytesIO(), 'x'), {}), ((5,), {}),
                 ((io.BytesIO(), 4), {'buffer_callback': print}), ((io.BytesIO(),), {'bogus': 1})]:
    try:
        pickle.Pickler(*args, **kw)
        print('ok', len(args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(pickle.dumps(1, -1) == pickle.dumps(1, 5), pickle.dumps(1, None) == pickle.dumps(1, 4))
print(pickle.dumps(('a', 'b'), 2, fix_imports=False).hex())
print(type(pickle.Pickler).__name__, pickle.Pickler.__name__, pickle.Pickler.__module__)
print(hasattr(pickle.Pickler(io.BytesIO()), '__sizeof__'))
