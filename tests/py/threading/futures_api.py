# concurrent.futures: Future states, callbacks, wait/as_completed, executor options.
import concurrent.futures as cf
from concurrent.futures import (ThreadPoolExecutor, Future, wait, as_completed,
                                FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)
import threading
import time

print(cf.TimeoutError.__name__, issubclass(cf.CancelledError, Exception))
print(issubclass(cf.thread.BrokenThreadPool, cf.BrokenExecutor))
print(FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED)

# A bare Future, driven by hand.
f = Future()
print(f.done(), f.running(), f.cancelled())
calls = []
f.add_done_callback(lambda fut: calls.append(("cb1", fut.result())))
try:
    f.result(timeout=0.01)
except cf.TimeoutError:
    print("result timed out")
try:
    f.exception(timeout=0)
except cf.TimeoutError:
    print("exception timed out")
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
f.set_result(5)
print(f.done(), f.result(), f.exception(), calls)
f.add_done_callback(lambda fut: calls.append(("late", fut.result())))
print(calls[-1])
try:
    f.set_result(6)
except cf.InvalidStateError:
    print("InvalidStateError")

g = Future()
print(g.cancel(), g.cancelled(), g.done(), g.cancel())
try:
    g.result()
except cf.CancelledError:
    print("CancelledError from result")
try:
    g.exception()
except cf.CancelledError:
    print("CancelledError from exception")
print(g.set_running_or_notify_cancel())

h = Future()
h.set_exception(KeyError("k"))
print(type(h.exception()).__name__, h.done())
try:
    h.result()
except KeyError as e:
    print("KeyError", e)

# A callback that raises is logged, not propagated; later callbacks still run.
k = Future()
k.add_done_callback(lambda fut: calls.append("after"))
k.set_result(None)
print(calls[-1])

# Executor options.
def name_of(_):
    return threading.current_thread().name
init_seen = []
def init(a, b):
    init_seen.append(a + b)
with ThreadPoolExecutor(max_workers=2, thread_name_prefix="pool",
                        initializer=init, initargs=(1, 2)) as ex:
    names = set(ex.map(name_of, range(20)))
print(all(n.startswith("pool_") for n in names), 1 <= len(names) <= 2, set(init_seen))
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError", e)

# A failing initializer breaks the pool.
def bad_init():
    raise RuntimeError("init failed")
import io, sys
saved, sys.stderr = sys.stderr, io.StringIO()
ex = ThreadPoolExecutor(max_workers=1, initializer=bad_init)
fut = ex.submit(pow, 2, 3)
try:
    fut.result(timeout=5)
except cf.BrokenExecutor as e:
    print(type(e).__name__)
ex.shutdown()
logged, sys.stderr = sys.stderr.getvalue(), saved
print("Exception in initializer:" in logged, "RuntimeError: init failed" in logged)
try:
    ex.submit(pow, 2, 3)
except cf.BrokenExecutor as e:
    print("submit:", type(e).__name__)
ex.shutdown()

# wait() with each return condition.
ex = ThreadPoolExecutor(max_workers=3)
gate = threading.Event()
slow = ex.submit(gate.wait, 5)
fast = ex.submit(pow, 3, 2)
done, not_done = wait([slow, fast], return_when=FIRST_COMPLETED)
print(fast in done, slow in not_done)
err = ex.submit(lambda: 1 / 0)
done, not_done = wait([slow, err], return_when=FIRST_EXCEPTION)
print(err in done, slow in not_done)
done, not_done = wait([slow], timeout=0.02)
print(len(done), len(not_done))
try:
    list(as_completed([slow], timeout=0.02))
except cf.TimeoutError:
    print("as_completed timed out")
gate.set()
done, not_done = wait([slow, fast, err], return_when=ALL_COMPLETED)
print(len(done), len(not_done), slow.result())
print(sorted(f.result() for f in as_completed([ex.submit(pow, 2, i) for i in range(5)])))

# map() with a timeout, and map() re-raising a task's exception at its position.
it = ex.map(time.sleep, [0.5], timeout=0.02)
try:
    list(it)
except cf.TimeoutError:
    print("map timed out")
res = []
try:
    for v in ex.map(lambda x: 10 // x, [5, 2, 0, 1]):
        res.append(v)
except ZeroDivisionError:
    print("map raised after", res)
print(list(ex.map(pow, [2, 3], [3, 2], [100, 100])))
ex.shutdown(wait=True)
try:
    ex.submit(pow, 1, 1)
except RuntimeError as e:
    print("RuntimeError", e)

# shutdown(cancel_futures=True) cancels the queue behind a busy worker.
ex = ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
started = threading.Event()
def blocker():
    started.set()
    gate.wait(5)
    return "ran"
first = ex.submit(blocker)
queued = [ex.submit(pow, 2, i) for i in range(5)]
started.wait(5)
threading.Timer(0.5, gate.set).start()  # after shutdown() has cancelled the queue, even on a loaded machine
ex.shutdown(wait=True, cancel_futures=True)
print(first.result(), [q.cancelled() for q in queued])

# shutdown(wait=False) returns at once; the work still finishes.
ex = ThreadPoolExecutor(max_workers=1)
later = ex.submit(time.sleep, 0.05)
ex.shutdown(wait=False)
print(later.result(timeout=5))

# A cancelled queued future does not run; done callbacks fire on cancel.
ex = ThreadPoolExecutor(max_workers=1)
gate = threading.Event()
busy = ex.submit(gate.wait, 5)
pending = ex.submit(pow, 2, 2)
seen = []
pending.add_done_callback(lambda fut: seen.append(fut.cancelled()))
print(pending.cancel(), seen)
gate.set()
print(busy.result(), pending.cancelled())
ex.shutdown()
