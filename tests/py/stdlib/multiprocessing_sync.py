# multiprocessing's Lock, RLock, Semaphore, BoundedSemaphore, Condition,
# and Event (multiprocessing.synchronize over _multiprocessing.SemLock),
# used from threads of one process.
import multiprocessing
import threading
import time

ctx = multiprocessing.get_context()
print(ctx.get_start_method())

lock = ctx.Lock()
print(repr(lock), lock.acquire(), repr(lock).startswith("<Lock(owner=MainProcess"))
print(lock.acquire(timeout=0.01), lock.acquire(False))
lock.release()
try:
    lock.release()
except ValueError as e:
    print("ValueError", e)
with lock:
    print("with lock")

rlock = ctx.RLock()
rlock.acquire()
rlock.acquire()
print(repr(rlock))
rlock.release()
rlock.release()
print(repr(rlock))
try:
    rlock.release()
except AssertionError as e:
    print("AssertionError", e)

sem = ctx.Semaphore(3)
print(repr(sem), sem.get_value())
sem.acquire()
print(sem.get_value())
sem.release()
sem.release()
print(sem.get_value())

bsem = ctx.BoundedSemaphore(2)
bsem.acquire()
bsem.release()
try:
    bsem.release()
except ValueError as e:
    print("ValueError", e)
print(repr(bsem))

# a multiprocessing Lock protects a counter across threads
counter = [0]


def bump():
    for _ in range(1500):
        with lock:
            counter[0] += 1


threads = [threading.Thread(target=bump) for _ in range(4)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(counter[0])

# at most two threads inside a Semaphore(2)
gate = ctx.Semaphore(2)
inside = [0]
most = [0]
guard = threading.Lock()


def visit():
    for _ in range(20):
        with gate:
            with guard:
                inside[0] += 1
                most[0] = max(most[0], inside[0])
            time.sleep(0.001)
            with guard:
                inside[0] -= 1


threads = [threading.Thread(target=visit) for _ in range(5)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print(most[0] <= 2, gate.get_value())

# Event: waiters wake when it is set
ev = ctx.Event()
print(ev.is_set(), ev.wait(0.01))
woke = []


def waiter(i):
    if ev.wait(10):
        woke.append(i)


threads = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for th in threads:
    th.start()
time.sleep(0.05)
ev.set()
for th in threads:
    th.join()
print(sorted(woke), ev.is_set())
ev.clear()
print(ev.is_set())

# Condition: a producer notifies consumers
cond = ctx.Condition()
items = []
got = []


def consumer():
    with cond:
        while not items:
            cond.wait(10)
        got.append(items.pop())


threads = [threading.Thread(target=consumer) for _ in range(3)]
for th in threads:
    th.start()
for i in range(3):
    time.sleep(0.01)
    with cond:
        items.append(i)
        cond.notify()
for th in threads:
    th.join()
print(sorted(got))
with cond:
    print(cond.wait(0.01), cond.wait_for(lambda: True, 0.01))

# notify_all wakes every waiter
ready = []


def sleeper():
    with cond:
        ready.append(1)
        cond.wait(10)


threads = [threading.Thread(target=sleeper) for _ in range(3)]
for th in threads:
    th.start()
while True:
    with cond:
        if len(ready) == 3:
            cond.notify_all()
            break
    time.sleep(0.005)
for th in threads:
    th.join()
print("all woke")
