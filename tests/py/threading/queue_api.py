# queue: the four queue types, Empty/Full, timeouts, task_done/join.
import queue
import threading
import time

q = queue.Queue(maxsize=2)
print(q.maxsize, q.qsize(), q.empty(), q.full())
q.put(1); q.put_nowait(2)
print(q.qsize(), q.full())
try:
    q.put_nowait(3)
except queue.Full:
    print("Full")
t0 = time.monotonic()
try:
    q.put(3, timeout=0.05)
except queue.Full:
    print("Full after timeout", time.monotonic() - t0 >= 0.04)
try:
    q.put(3, block=False)
except queue.Full:
    print("Full non-blocking")
print(q.get(), q.get_nowait())
try:
    q.get_nowait()
except queue.Empty:
    print("Empty")
t0 = time.monotonic()
try:
    q.get(timeout=0.05)
except queue.Empty:
    print("Empty after timeout", time.monotonic() - t0 >= 0.04)
try:
    q.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))

# Ordering of each kind.
lq = queue.LifoQueue()
pq = queue.PriorityQueue()
sq = queue.SimpleQueue()
for x in [3, 1, 2]:
    lq.put(x); pq.put((x, "item%d" % x)); sq.put(x)
print([lq.get() for _ in range(3)])
print([pq.get() for _ in range(3)])
print([sq.get() for _ in range(3)], sq.empty(), sq.qsize())
try:
    sq.get(timeout=0.01)
except queue.Empty:
    print("SimpleQueue Empty")
try:
    sq.get_nowait()
except queue.Empty:
    print("SimpleQueue Empty nowait")
sq.put_nowait(9)
print(sq.get(block=False))

# A blocked get() wakes when another thread puts.
q = queue.Queue()
threading.Timer(0.02, q.put, args=("late",)).start()
print(q.get(timeout=5))
# A blocked put() wakes when another thread gets.
q = queue.Queue(1)
q.put("a")
threading.Timer(0.02, q.get).start()
q.put("b", timeout=5)
print(q.get())

# task_done / join with worker threads.
q = queue.Queue()
done = []
lock = threading.Lock()
def worker():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with lock:
            done.append(item * 2)
        q.task_done()
ws = [threading.Thread(target=worker) for _ in range(4)]
for w in ws: w.start()
for i in range(100):
    q.put(i)
q.join()
print(len(done), sum(done), q.unfinished_tasks)
for w in ws: q.put(None)
for w in ws: w.join()
try:
    q.task_done()
except ValueError as e:
    print("ValueError", e)

# Many producers and consumers through a bounded queue lose nothing.
q = queue.Queue(maxsize=8)
got = []
def producer(base):
    for i in range(200):
        q.put(base + i)
def consumer():
    while True:
        x = q.get()
        if x < 0:
            return
        with lock:
            got.append(x)
ps = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
cs = [threading.Thread(target=consumer) for _ in range(3)]
for t in ps + cs: t.start()
for t in ps: t.join()
for _ in cs: q.put(-1)
for t in cs: t.join()
print(len(got), sorted(got) == sorted(k * 1000 + i for k in range(3) for i in range(200)))
