# Library classes that stand in for CPython's C types carry the C type's
# name in messages ('re.Pattern', 'collections.OrderedDict', '_csv.reader',
# 'operator.itemgetter', 'decimal.Decimal'), while __name__, __qualname__
# and reprs stay as CPython shows them. queue.Empty and SimpleQueue belong
# to _queue.
import collections, csv, decimal, io, operator, queue, re

objects = [re.compile("a"), re.match("a", "a"), collections.OrderedDict(a=1),
           operator.itemgetter(1), operator.attrgetter("x"), operator.methodcaller("m"),
           decimal.Decimal("1.5"), decimal.getcontext(), csv.reader([]), csv.writer(io.StringIO())]
for o in objects:
    t = type(o)
    print(t, t.__name__, t.__qualname__)
    for op in (lambda: o + [], lambda: o.nope, lambda: len(o) if not hasattr(o, "__len__") else o[[]], lambda: o < 1):
        try:
            op()
        except (TypeError, AttributeError, KeyError) as e:
            print("   ", type(e).__name__, e)

class MyDict(collections.OrderedDict):
    pass
try:
    MyDict() + 1
except TypeError as e:
    print(e)

print(queue.Empty, queue.SimpleQueue, queue.Full)
for q in (queue.Queue(), queue.SimpleQueue(), queue.LifoQueue()):
    try:
        q.get_nowait()
    except queue.Empty as e:
        print(type(q).__name__, repr(e), type(e))
q = queue.SimpleQueue()
q.put(1)
print(q.get(), q.qsize(), q.empty())
