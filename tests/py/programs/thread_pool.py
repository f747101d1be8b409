"""Producer/consumer pipeline with threading, queue, concurrent.futures; deterministic output."""
import threading
import queue
import concurrent.futures as cf
import time
import sys


class Account:
    def __init__(self):
        self.balance = 0
        self.lock = threading.Lock()

    def deposit(self, n):
        with self.lock:
            self.balance += n


acct = Account()
threads = [threading.Thread(target=lambda: [acct.deposit(1) for _ in range(1000)], name=f"dep-{i}") for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("balance", acct.balance, [t.name for t in threads], threads[0].is_alive(), threads[0].daemon)

q = queue.Queue(maxsize=5)
results = []
res_lock = threading.Lock()


def producer(n):
    for i in range(n):
        q.put(i)
    q.put(None)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            q.put(None)
            break
        with res_lock:
            results.append(item * item)
        q.task_done()


p = threading.Thread(target=producer, args=(20,))
cs = [threading.Thread(target=consumer) for _ in range(3)]
p.start()
for c in cs:
    c.start()
p.join()
for c in cs:
    c.join()
print(sorted(results) == [i * i for i in range(20)], q.qsize())

pq = queue.PriorityQueue()
for prio, job in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "urgent2")]:
    pq.put((prio, job))
print([pq.get() for _ in range(4)], pq.empty())
lq = queue.LifoQueue()
for i in range(3):
    lq.put(i)
print([lq.get_nowait() for _ in range(3)])
try:
    lq.get_nowait()
except queue.Empty:
    print("Empty raised", repr(queue.Empty()))
fq = queue.Queue(maxsize=1)
fq.put(1)
try:
    fq.put(2, timeout=0.01)
except queue.Full:
    print("Full raised")
try:
    fq.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
sq = queue.SimpleQueue()
sq.put("a")
print(sq.get(), sq.empty(), sq.qsize())


def work(n):
    if n == 3:
        raise ValueError(f"bad {n}")
    return n * 10


with cf.ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as ex:
    futs = {ex.submit(work, i): i for i in range(6)}
    out = {}
    for f in cf.as_completed(futs):
        i = futs[f]
        try:
            out[i] = f.result()
        except ValueError as e:
            out[i] = f"error: {e}"
    print(sorted(out.items()))
    print(list(ex.map(lambda x: x + 1, range(5))))
    f = ex.submit(time.sleep, 0.01)
    print(f.result(), f.done(), f.cancelled(), f.exception())
    try:
        list(ex.map(work, [1, 3, 5]))
    except ValueError as e:
        print("map raised", e)
    done, not_done = cf.wait([ex.submit(work, 1), ex.submit(work, 2)], return_when=cf.ALL_COMPLETED)
    print(len(done), len(not_done))
try:
    ex.submit(work, 1)
except RuntimeError as e:
    print("RuntimeError", e)

ev = threading.Event()
cond = threading.Condition()
state = {"ready": False, "log": []}


def waiter(i):
    with cond:
        cond.wait_for(lambda: state["ready"])
        state["log"].append(i)


ws = [threading.Thread(target=waiter, args=(i,)) for i in range(3)]
for w in ws:
    w.start()
time.sleep(0.02)
with cond:
    state["ready"] = True
    cond.notify_all()
for w in ws:
    w.join()
print(sorted(state["log"]), ev.is_set(), ev.wait(0.001))
ev.set()
print(ev.wait(), ev.is_set())

barrier = threading.Barrier(3, action=lambda: print("barrier tripped"))
order = []


def at_barrier(i):
    idx = barrier.wait()
    with res_lock:
        order.append(idx)


bs = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
for b in bs:
    b.start()
for b in bs:
    b.join()
print(sorted(order), barrier.parties, barrier.n_waiting, barrier.broken)

sem = threading.BoundedSemaphore(2)
sem.acquire()
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError", e)
rl = threading.RLock()
with rl:
    with rl:
        print("reentrant ok")
try:
    threading.Lock().release()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    rl.release()
except RuntimeError as e:
    print("RuntimeError", e)

local = threading.local()
local.x = "main"


def show_local():
    local.x = threading.current_thread().name
    with res_lock:
        state["log"].append(local.x)


t = threading.Thread(target=show_local, name="worker-L")
t.start()
t.join()
print(local.x, state["log"][-1], threading.current_thread().name, threading.main_thread() is threading.current_thread())

timer_out = []
tm = threading.Timer(0.01, lambda: timer_out.append("fired"))
tm.start()
tm.join()
tm2 = threading.Timer(10, lambda: timer_out.append("never"))
tm2.start()
tm2.cancel()
tm2.join()
print(timer_out)


def hook(args):
    print("excepthook:", args.exc_type.__name__, args.exc_value, args.thread.name)


threading.excepthook = hook
t = threading.Thread(target=lambda: 1 / 0, name="crasher")
t.start()
t.join()
print(threading.active_count(), len(threading.enumerate()))
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.Thread(target=print).join()
except RuntimeError as e:
    print("RuntimeError", e)
print(repr(threading.Thread(name="r"))[:30])
dt = threading.Thread(target=time.sleep, args=(0.01,), daemon=True)
dt.start()
print(dt.daemon, dt.ident is not None, isinstance(dt.native_id, int))
dt.join()
sys.stdout.flush()
