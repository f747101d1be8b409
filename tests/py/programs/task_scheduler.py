# A priority task scheduler with threading, queue and concurrent.futures; output is deterministic.
import concurrent.futures as cf
import queue
import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass(order=True)
class Task:
    priority: int
    seq: int
    name: str = field(compare=False)
    fn: Callable = field(compare=False, repr=False)
    args: tuple = field(default=(), compare=False, repr=False)


class Scheduler:
    def __init__(self, workers=3):
        self.q = queue.PriorityQueue()
        self.results = {}
        self.errors = {}
        self.lock = threading.Lock()
        self.seq = 0
        self.workers = [threading.Thread(target=self._work, name=f"w{i}", daemon=True) for i in range(workers)]
        self.done_order = []

    def submit(self, priority, name, fn, *args):
        with self.lock:
            self.seq += 1
            self.q.put(Task(priority, self.seq, name, fn, args))

    def _work(self):
        while True:
            task = self.q.get()
            if task is None or task.name == "__stop__":
                self.q.task_done()
                return
            try:
                r = task.fn(*task.args)
            except Exception as e:
                with self.lock:
                    self.errors[task.name] = f"{type(e).__name__}: {e}"
            else:
                with self.lock:
                    self.results[task.name] = r
            finally:
                with self.lock:
                    self.done_order.append(task.name)
                self.q.task_done()

    def run(self):
        for w in self.workers:
            w.start()
        self.q.join()
        for i in range(len(self.workers)):
            self.q.put(Task(10**9, 10**9 + i, "__stop__", None))
        for w in self.workers:
            w.join()


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def fail(msg):
    raise ValueError(msg)


s = Scheduler()
for i in range(12):
    s.submit(i % 3, f"fib{i}", fib, i * 10)
s.submit(0, "bad", fail, "boom")
s.submit(1, "sum", sum, range(1000))
s.run()
print(sorted(s.results.items(), key=lambda kv: kv[0]))
print(s.errors, len(s.done_order), all(not w.is_alive() for w in s.workers))

# single worker: strict priority order
one = Scheduler(workers=1)
for p, n in [(5, "e"), (1, "a"), (3, "c"), (1, "b"), (4, "d")]:
    one.submit(p, n, str.upper, n)
one.run()
print(one.done_order, one.results)

# concurrent.futures: map preserves order; as_completed collected then sorted
with cf.ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(fib, range(15))))
    futs = {ex.submit(pow, 2, k): k for k in range(10)}
    got = sorted((futs[f], f.result()) for f in cf.as_completed(futs))
    print(got)
    f = ex.submit(fail, "inside future")
    try:
        f.result()
    except ValueError as e:
        print("future raised:", e, f.done(), type(f.exception()).__name__)
    done, not_done = cf.wait([ex.submit(time.sleep, 0.01) for _ in range(3)])
    print(len(done), len(not_done))

# producer / consumer with a sentinel and a bounded queue
buf = queue.Queue(maxsize=2)
consumed = []
def producer():
    for i in range(10):
        buf.put(i)
    buf.put(None)
def consumer():
    while (item := buf.get()) is not None:
        consumed.append(item * item)
threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(consumed)

# counter protected by a lock, many threads
class Counter:
    def __init__(self):
        self.value = 0
        self.lock = threading.Lock()
    def incr(self, n):
        for _ in range(n):
            with self.lock:
                self.value += 1
c = Counter()
ts = [threading.Thread(target=c.incr, args=(2000,)) for _ in range(8)]
[t.start() for t in ts]
[t.join() for t in ts]
print("counter", c.value)

# Event and Condition handshake, Barrier, Semaphore
ready = threading.Event()
log = []
cond = threading.Condition()
state = {"turn": 0}
def player(me, n_players, rounds):
    ready.wait()
    for r in range(rounds):
        with cond:
            cond.wait_for(lambda: state["turn"] % n_players == me)
            log.append(f"p{me}r{r}")
            state["turn"] += 1
            cond.notify_all()
ps = [threading.Thread(target=player, args=(i, 3, 3)) for i in range(3)]
for p in ps:
    p.start()
ready.set()
for p in ps:
    p.join()
print(log)

barrier = threading.Barrier(4)
arrivals = []
alock = threading.Lock()
def arrive(i):
    idx = barrier.wait()
    with alock:
        arrivals.append(idx)
bs = [threading.Thread(target=arrive, args=(i,)) for i in range(4)]
[b.start() for b in bs]
[b.join() for b in bs]
print(sorted(arrivals), barrier.broken)

sem = threading.BoundedSemaphore(2)
active = [0]
peak = [0]
plock = threading.Lock()
def limited():
    with sem:
        with plock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.005)
        with plock:
            active[0] -= 1
ls = [threading.Thread(target=limited) for _ in range(6)]
[t.start() for t in ls]
[t.join() for t in ls]
print("peak <= 2:", peak[0] <= 2, "active", active[0])
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)

local = threading.local()
seen = []
def use_local(v):
    local.v = v
    time.sleep(0.001)
    with alock:
        seen.append(local.v == v)
lt = [threading.Thread(target=use_local, args=(i,)) for i in range(5)]
[t.start() for t in lt]
[t.join() for t in lt]
print(seen, hasattr(local, "v"), threading.current_thread().name, threading.main_thread() is threading.current_thread())
q = queue.LifoQueue()
for x in "abc":
    q.put(x)
print([q.get() for _ in range(3)], q.empty(), q.qsize())
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("queue.Empty raised")
