# The low-level _thread module: threads, locks, RLock, _local, stack_size.
import _thread
import time

print(_thread.LockType is type(_thread.allocate_lock()))
print(_thread.error is RuntimeError)
print(type(_thread.TIMEOUT_MAX).__name__, _thread.TIMEOUT_MAX > 1e6)
print(isinstance(_thread.get_ident(), int), _thread.get_ident() > 0)
print(isinstance(_thread.get_native_id(), int))

# start_new_thread with args and kwargs; the thread signals through a lock.
done = _thread.allocate_lock()
done.acquire()
results = []
def worker(a, b, c=0):
    results.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()
main_ident = _thread.get_ident()
ident = _thread.start_new_thread(worker, (1, 2), {"c": 3})
print(type(ident).__name__)
done.acquire()
print(results)

for bad in [(42, ()), (worker, [1, 2]), (worker, (1,), [])]:
    try:
        _thread.start_new_thread(*bad)
    except TypeError as e:
        print("TypeError", e)

# Lock: blocking and non-blocking acquire, timeouts, locked(), misuse.
lk = _thread.allocate_lock()
print(lk.locked(), lk.acquire(), lk.locked())
print(lk.acquire(False), lk.acquire(blocking=False))
t0 = time.monotonic()
print(lk.acquire(timeout=0.05), time.monotonic() - t0 >= 0.04)
print(lk.acquire(True, 0))
lk.release()
print(lk.locked())
try:
    lk.release()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    lk.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)
try:
    lk.acquire(timeout=-5)
except ValueError:
    print("ValueError for a negative timeout")
try:
    lk.acquire(timeout=_thread.TIMEOUT_MAX * 2)
except OverflowError:
    print("OverflowError for a huge timeout")
with lk:
    print("in with:", lk.locked())
print("after with:", lk.locked())

# A lock may be released by a thread other than its holder.
lk.acquire()
gate = _thread.allocate_lock()
gate.acquire()
def releaser():
    lk.release()
    gate.release()
_thread.start_new_thread(releaser, ())
gate.acquire()
print("released by another thread:", lk.locked())

# RLock: reentrancy, ownership, misuse.
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned(), r._recursion_count())
r.release()
r.release()
print(r._is_owned(), r._recursion_count())
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
r.acquire()
errs = []
def foreign_release():
    try:
        r.release()
    except RuntimeError as e:
        errs.append(str(e))
    try_res.append(r.acquire(False))
    gate.release()
try_res = []
_thread.start_new_thread(foreign_release, ())
gate.acquire()
print(errs, try_res)
r.release()

# _local: per-thread attributes.
loc = _thread._local()
loc.x = "main"
seen = []
def set_local():
    seen.append(hasattr(loc, "x"))
    loc.x = "thread"
    seen.append(loc.x)
    gate.release()
_thread.start_new_thread(set_local, ())
gate.acquire()
print(seen, loc.x)
try:
    _thread._local(1)
except TypeError as e:
    print("TypeError", e)

# stack_size
print(_thread.stack_size())
print(_thread.stack_size(1 << 20))
print(_thread.stack_size(0))
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError", e)
