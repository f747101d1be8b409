import threading, queue
q = queue.Queue(maxsize=5)
out = []
olock = threading.Lock()
def producer(start):
    for i in range(start, start + 50):
        q.put(i)
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            return
        with olock:
            out.append(item * item)
        q.task_done()
producers = [threading.Thread(target=producer, args=(k * 100,)) for k in range(3)]
consumers = [threading.Thread(target=consumer) for _ in range(4)]
for t in producers + consumers: t.start()
for t in producers: t.join()
q.join()
for _ in consumers: q.put(None)
for t in consumers: t.join()
print(len(out), sum(out), q.empty(), q.qsize())
lq = queue.LifoQueue(); [lq.put(i) for i in range(3)]
pq = queue.PriorityQueue(); [pq.put(x) for x in [(3, "c"), (1, "a"), (2, "b")]]
print([lq.get() for _ in range(3)], [pq.get()[1] for _ in range(3)])
try:
    queue.Queue().get(block=False)
except queue.Empty:
    print("Empty raised")
full = queue.Queue(1); full.put(1)
try:
    full.put(2, timeout=0.01)
except queue.Full:
    print("Full raised")
sq = queue.SimpleQueue(); sq.put("x")
print(sq.get(), sq.empty())
