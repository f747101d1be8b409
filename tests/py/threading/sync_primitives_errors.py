# threading's synchronisation primitives: timeouts, return values, misuse.
import threading
import time

def elapsed_at_least(fn, secs):
    t0 = time.monotonic()
    r = fn()
    return r, time.monotonic() - t0 >= secs * 0.8

lock = threading.Lock()
lock.acquire()
print(elapsed_at_least(lambda: lock.acquire(timeout=0.05), 0.05))
lock.release()
try:
    lock.release()
except RuntimeError as e:
    print("RuntimeError", e)

r = threading.RLock()
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
with r:
    with r:
        print("nested RLock ok")

# Condition
c = threading.Condition()
for name in ["wait", "notify", "notify_all"]:
    try:
        getattr(c, name)()
    except RuntimeError as e:
        print("RuntimeError", e)
with c:
    print(elapsed_at_least(lambda: c.wait(0.05), 0.05))
    print(c.wait_for(lambda: 42, timeout=0.01))
    print(elapsed_at_least(lambda: c.wait_for(lambda: 0, timeout=0.05), 0.05))
state = []
def setter():
    with c:
        state.append(1)
        c.notify_all()
with c:
    threading.Thread(target=setter).start()
    print(c.wait_for(lambda: state, timeout=5))
cr = threading.Condition(threading.RLock())
with cr:
    with cr:
        print(cr.wait(0.01))
    print(cr._is_owned())

# Semaphore / BoundedSemaphore
try:
    threading.Semaphore(-1)
except ValueError as e:
    print("ValueError", e)
s = threading.Semaphore(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False))
print(elapsed_at_least(lambda: s.acquire(timeout=0.05), 0.05))
s.release(2)
print(s.acquire(False), s.acquire(False), s.acquire(False))
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError", e)
b = threading.BoundedSemaphore(1)
b.acquire(); b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError", e)
with b:
    print("bounded in with:", b.acquire(False))

# Event
e = threading.Event()
print(e.is_set(), elapsed_at_least(lambda: e.wait(0.05), 0.05))
threading.Timer(0.02, e.set).start()
print(e.wait(5), e.is_set())
e.clear()
print(e.is_set(), e.wait(0))

# Barrier
actions = []
bar = threading.Barrier(3, action=lambda: actions.append("action"))
print(bar.parties, bar.n_waiting, bar.broken)
idx = []
def party():
    idx.append(bar.wait())
ts = [threading.Thread(target=party) for _ in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(idx), actions)
# A timed-out wait breaks the barrier for everyone.
bar2 = threading.Barrier(2)
try:
    bar2.wait(0.05)
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", type(e).__mro__[1].__name__, bar2.broken)
try:
    bar2.wait()
except threading.BrokenBarrierError:
    print("still broken")
bar2.reset()
print(bar2.broken)
# abort() releases a waiting party with BrokenBarrierError.
bar3 = threading.Barrier(2)
res = []
def aborted_party():
    try:
        bar3.wait()
    except threading.BrokenBarrierError:
        res.append("broken")
t = threading.Thread(target=aborted_party)
t.start()
while bar3.n_waiting == 0:
    time.sleep(0.001)
bar3.abort()
t.join()
print(res, bar3.broken)
# An action that raises breaks the barrier; the caller sees the exception.
bar4 = threading.Barrier(1, action=lambda: 1 / 0)
try:
    bar4.wait()
except ZeroDivisionError:
    print("action raised", bar4.broken)

# Timer
fired = []
tm = threading.Timer(0.5, lambda: fired.append(1))
tm.start()
tm.cancel()
tm.join()
print(fired, tm.is_alive())
tm2 = threading.Timer(0.01, lambda *a, **k: fired.append((a, k)), args=(1,), kwargs={"k": 2})
tm2.start(); tm2.join()
print(fired)
