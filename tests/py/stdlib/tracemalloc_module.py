# tracemalloc over ftpy's allocator hooks. Sizes differ from CPython's, so
# the checks are about what is meaningful: the allocating line shows up on
# top, traced memory grows by at least the data size, stop() clears, filters
# and compare_to work, and warnings name where an object was allocated.
import os
import sys
import threading
import tracemalloc
import warnings

N = 10 ** 5
THIS = __file__


with open(THIS) as _f:
    SOURCE_LINES = _f.read().splitlines()


def lineno_of(func, marker):
    # The line holding `marker` in a comment (read before tracing starts).
    for i, line in enumerate(SOURCE_LINES):
        if line.rstrip().endswith('# ' + marker):
            return i + 1
    raise LookupError(marker)


def make_data():
    data = list(range(N))  # ALLOC-DATA
    return data


def make_small():
    small = list(range(1000))  # ALLOC-SMALL
    return small


def make_more():
    more = [str(i) for i in range(N // 10)]  # ALLOC-MORE
    return more


print('initially tracing:', tracemalloc.is_tracing(), tracemalloc.get_traced_memory(),
      tracemalloc.get_traceback_limit())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print('RuntimeError:', e)

tracemalloc.start()
print('tracing:', tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
before, _ = tracemalloc.get_traced_memory()
data = make_data()
after, peak = tracemalloc.get_traced_memory()
print('grew by >= data size:', after - before >= N * 8, 'peak >= current:', peak >= after)

snap = tracemalloc.take_snapshot()
stats = snap.statistics('lineno')
top = stats[0]
print('top line is the allocation:', top.traceback[0].lineno == lineno_of(make_data, 'ALLOC-DATA'),
      os.path.basename(top.traceback[0].filename), top.size >= N * 8, top.count >= 1)
print('str(top) names the file:', os.path.basename(THIS) in str(top))
del snap, stats, top

# get_object_traceback.
tb = tracemalloc.get_object_traceback(data)
print('object traceback:', tb is not None and tb[-1].lineno == lineno_of(make_data, 'ALLOC-DATA'), len(tb))
print('untraced object:', tracemalloc.get_object_traceback(sys), tracemalloc.get_object_traceback(5))

# Freeing shrinks the traced memory; reset_peak moves the peak down.
cur1, _ = tracemalloc.get_traced_memory()
del data
cur2, peak2 = tracemalloc.get_traced_memory()
print('freed:', cur1 - cur2 >= N * 8)
tracemalloc.reset_peak()
cur3, peak3 = tracemalloc.get_traced_memory()
print('reset_peak:', peak3 < peak2, peak3 >= cur3)
print('own memory:', tracemalloc.get_tracemalloc_memory() > 0)

# compare_to: a second allocation shows up as the biggest difference.
base = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, THIS)])
more = make_more()
full2 = tracemalloc.take_snapshot()
snap2 = full2.filter_traces([tracemalloc.Filter(True, THIS)])
diff = snap2.compare_to(base, 'lineno')
print('diff top is the new line:', diff[0].traceback[0].lineno == lineno_of(make_more, 'ALLOC-MORE'),
      diff[0].size_diff > 0, diff[0].count_diff > 0)
by_file = snap2.statistics('filename')
print('filename stats:', os.path.basename(by_file[0].traceback[0].filename) == os.path.basename(THIS))
tb_stats = snap2.statistics('traceback')
print('traceback stats:', len(tb_stats) > 0)

# Filters: excluding this file removes the big block; domain filters work.
excl = full2.filter_traces([tracemalloc.Filter(False, THIS)])
print('excluded:', all(t.traceback[0].filename != THIS for t in excl.traces))
dom = snap2.filter_traces([tracemalloc.DomainFilter(True, 0)])
print('domain 0 keeps all:', len(dom.traces) == len(snap2.traces))
del more, base, full2, snap2, diff, excl, dom

# clear_traces keeps tracing but forgets everything.
tracemalloc.clear_traces()
print('cleared:', tracemalloc.is_tracing(), len(tracemalloc.take_snapshot().filter_traces(
    [tracemalloc.Filter(True, THIS)]).traces) < 50)

# Deeper tracebacks: start() while tracing keeps the limit, so stop first.
tracemalloc.start(5)
print('limit while tracing:', tracemalloc.get_traceback_limit())
tracemalloc.stop()
print('after stop:', tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc._get_traces())
tracemalloc.start(5)
print('limit:', tracemalloc.get_traceback_limit())


def outer():
    return make_small()  # CALL-OUTER


d2 = outer()
tb = tracemalloc.get_object_traceback(d2)
print('frames:', len(tb) >= 3, tb[-1].lineno == lineno_of(make_small, 'ALLOC-SMALL'),
      tb[-2].lineno == lineno_of(outer, "CALL-OUTER"))
print('format:', tb.format(limit=1)[0].strip().startswith('File "'))
del d2

# Threads: allocations in other threads are traced with their own frames,
# and the table stays consistent while several threads allocate and free.
results = {}


def worker(k):
    keep = []
    for i in range(200):
        keep.append([k] * 100)  # ALLOC-WORKER
        if len(keep) > 20:
            keep.pop(0)
    results[k] = list(range(1000))  # ALLOC-RESULT


threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
for t in threads:
    t.start()
for _ in range(2):
    tracemalloc.take_snapshot()
for t in threads:
    t.join()
snap = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, THIS)])
lines = {s.traceback[0].lineno for s in snap.statistics('lineno')}
print('worker result line traced:', lineno_of(worker, 'ALLOC-RESULT') in lines)
tracemalloc.stop()

# ResourceWarning for an unclosed file names where it was opened.
def open_it():
    return open(THIS, 'rb')  # ALLOC-FILE


tracemalloc.start(2)
warnings.simplefilter('always')
f = open_it()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    del f
    import gc; gc.collect()
print('warnings:', [x.category.__name__ for x in w])
if w:
    text = warnings._formatwarnmsg_impl(w[0]) if hasattr(warnings, '_formatwarnmsg_impl') else ''
    out = text.replace(THIS, 'THIS')
    print('allocated at:', 'Object allocated at (most recent call last):' in out)
    print('names a line of this file:', '  File "THIS", lineno ' in out)
tracemalloc.stop()
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    f = open(THIS, 'rb')
    del f
    gc.collect()
print('hint when not tracing:', 'Enable tracemalloc' in warnings._formatwarnmsg_impl(w[0]))

try:
    tracemalloc.start(0)
except ValueError as e:
    print('ValueError:', e)
try:
    tracemalloc.start('x')
except TypeError as e:
    print('TypeError:', e)
