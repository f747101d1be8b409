# Worker-pool code as applications write it: concurrent.futures thread
# pools, queue.Queue producer/consumer, threading.Event/Lock/Condition,
# and asyncio tasks/gather/queues/timeouts. Output order is made
# deterministic by sorting or by design.
import asyncio
import concurrent.futures as cf
import queue
import threading
import time


def work(n):
    if n == 7:
        raise ValueError(f"bad input {n}")
    return sum(i * i for i in range(n * 1000))


with cf.ThreadPoolExecutor(max_workers=4, thread_name_prefix="w") as ex:
    futs = {ex.submit(work, n): n for n in range(10)}
    results = {}
    for f in cf.as_completed(futs):
        n = futs[f]
        try:
            results[n] = f.result()
        except ValueError as e:
            results[n] = f"error: {e}"
    print(sorted(results.items())[:3], results[7])
    print(list(ex.map(lambda x: x * 2, range(5))))
    try:
        list(ex.map(work, [6, 7, 8]))
    except ValueError as e:
        print("map raised:", e)
    done, not_done = cf.wait([ex.submit(work, 1), ex.submit(work, 2)], return_when=cf.ALL_COMPLETED)
    print(len(done), len(not_done))
    f = ex.submit(work, 7)
    print(type(f.exception()).__name__, f.done(), f.cancelled())
try:
    ex.submit(work, 1)
except RuntimeError as e:
    print("RuntimeError:", e)

fut = cf.Future()
print(fut.cancel(), fut.cancelled(), repr(fut).split(" at ")[0], repr(fut).split(" state=")[1])
try:
    fut.result()
except cf.CancelledError:
    print("CancelledError")
fut2 = cf.Future()
fut2.add_done_callback(lambda f: print("callback got", f.result()))
fut2.set_result(42)

q = queue.Queue(maxsize=5)
out = []
lock = threading.Lock()


def producer(items):
    for it in items:
        q.put(it)


def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        with lock:
            out.append(item * 10)
        q.task_done()


consumers = [threading.Thread(target=consumer) for _ in range(3)]
producers = [threading.Thread(target=producer, args=(range(i * 10, i * 10 + 10),)) for i in range(2)]
for t in consumers + producers:
    t.start()
for t in producers:
    t.join()
for _ in consumers:
    q.put(None)
q.join()
for t in consumers:
    t.join()
print(len(out), sorted(out)[:5], sum(out))
try:
    queue.Queue().get_nowait()
except queue.Empty:
    print("Empty")
fq = queue.Queue(1)
fq.put(1)
try:
    fq.put(2, timeout=0.01)
except queue.Full:
    print("Full")
pq = queue.PriorityQueue()
for p in [3, 1, 2]:
    pq.put((p, f"job{p}"))
print([pq.get()[1] for _ in range(3)], queue.LifoQueue().empty(), queue.SimpleQueue().qsize())

ready = threading.Event()
cond = threading.Condition()
state = {"n": 0}


def waiter():
    with cond:
        cond.wait_for(lambda: state["n"] >= 3)
        state["seen"] = state["n"]
    ready.set()


t = threading.Thread(target=waiter)
t.start()
for _ in range(3):
    with cond:
        state["n"] += 1
        cond.notify_all()
print(ready.wait(30), state["seen"])
t.join()
sem = threading.BoundedSemaphore(2)
sem.acquire()
sem.release()
try:
    sem.release()
except ValueError as e:
    print("ValueError:", e)
barrier = threading.Barrier(3)
ids = []


def at_barrier(i):
    idx = barrier.wait()
    with lock:
        ids.append(idx)


ts = [threading.Thread(target=at_barrier, args=(i,)) for i in range(3)]
[t.start() for t in ts]
[t.join() for t in ts]
print(sorted(ids))
local = threading.local()
local.x = "main"
res = []
th = threading.Thread(target=lambda: res.append(getattr(local, "x", "unset")))
th.start()
th.join()
print(res, local.x, threading.current_thread().name, threading.main_thread() is threading.current_thread())
timer = threading.Timer(0.01, lambda: res.append("timer"))
timer.start()
timer.join()
print(res)


async def fetch(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ConnectionError(f"{name} failed")
    return f"{name}:ok"


async def main():
    results = await asyncio.gather(fetch("a", 0.02), fetch("b", 0.01), fetch("c", 0, True), return_exceptions=True)
    print(results)
    try:
        await asyncio.wait_for(fetch("slow", 10), timeout=0.05)
    except asyncio.TimeoutError:
        print("timed out")
    q = asyncio.Queue()
    got = []

    async def worker(i):
        while True:
            item = await q.get()
            got.append(item)
            q.task_done()

    workers = [asyncio.create_task(worker(i)) for i in range(3)]
    for i in range(9):
        q.put_nowait(i)
    await q.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print(sorted(got), [type(r).__name__ for r in res])
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("tg1", 0))
        t2 = tg.create_task(fetch("tg2", 0))
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch("x", 0, True))
            tg.create_task(fetch("y", 5))
    except* ConnectionError as eg:
        print("group:", [str(e) for e in eg.exceptions])
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, work, 3)
    print(r)
    ev = asyncio.Event()
    loop.call_later(0.01, ev.set)
    await ev.wait()
    print("event set", ev.is_set())
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            await asyncio.sleep(0)
            return i
    print(await asyncio.gather(*(limited(i) for i in range(5))))
    task = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("cancelled", task.cancelled())


asyncio.run(main())
