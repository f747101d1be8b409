import threading, queue, time
from concurrent.futures import ThreadPoolExecutor, as_completed, wait, FIRST_COMPLETED, ALL_COMPLETED
q = queue.Queue(maxsize=5); results = []; rlock = threading.Lock()
SENT = object()
def producer(n, pid):
    for i in range(n): q.put((pid, i * i))
def consumer():
    while True:
        item = q.get()
        try:
            if item is SENT: return
            with rlock: results.append(item)
        finally: q.task_done()
cons = [threading.Thread(target=consumer, name=f"cons-{i}") for i in range(3)]
prods = [threading.Thread(target=producer, args=(20, p)) for p in range(4)]
for t in cons + prods: t.start()
for t in prods: t.join()
q.join()
for _ in cons: q.put(SENT)
for t in cons: t.join()
print(len(results), sum(v for _, v in results), sorted(results)[:3], q.empty(), q.qsize())
print([t.name for t in cons], all(not t.is_alive() for t in cons))
def work(x):
    if x == 7: raise ValueError(f"bad {x}")
    return x * x
with ThreadPoolExecutor(max_workers=4, thread_name_prefix="w") as ex:
    print(list(ex.map(work, range(7))))
    futs = {ex.submit(work, i): i for i in range(10)}
    out = []
    for f in as_completed(futs):
        try: out.append((futs[f], f.result()))
        except ValueError as e: out.append((futs[f], repr(e)))
    print(sorted(out))
    try: list(ex.map(work, range(10)))
    except ValueError as e: print("map raised", e)
    f = ex.submit(sum, [1, 2, 3]); print(f.result(timeout=5), f.done(), f.exception(), f.cancelled())
    done, nd = wait([ex.submit(work, i) for i in range(3)], return_when=ALL_COMPLETED); print(len(done), len(nd))
    f = ex.submit(work, 7); print(type(f.exception()).__name__)
    cb = []; f = ex.submit(work, 3); f.add_done_callback(lambda fu: cb.append(fu.result())); f.result(); time.sleep(0.01)
print(cb)
try: ex.submit(work, 1)
except RuntimeError as e: print(e)
c = threading.Condition(); items = []
def waiter(i):
    with c:
        c.wait_for(lambda: len(items) >= i)
        with rlock: results.append(("w", i))
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(1, 4)]
results.clear()
for t in ts: t.start()
for i in range(3):
    with c: items.append(i); c.notify_all()
for t in ts: t.join()
print(sorted(results))
ev = threading.Event(); print(ev.is_set(), ev.wait(0.01)); ev.set(); print(ev.wait(), ev.is_set()); ev.clear(); print(ev.is_set())
b = threading.Barrier(3, action=lambda: print("barrier tripped")); order = []
def bw(i):
    idx = b.wait()
    with rlock: order.append(i)
ts = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(order), b.n_waiting, b.parties, b.broken)
sem = threading.BoundedSemaphore(2); active = [0]; peak = [0]
def sw():
    with sem:
        with rlock: active[0] += 1; peak[0] = max(peak[0], active[0])
        time.sleep(0.01)
        with rlock: active[0] -= 1
ts = [threading.Thread(target=sw) for i in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print("peak", peak[0])
try: sem.release()
except ValueError as e: print("ValueError", e)
rl = threading.RLock()
with rl:
    with rl: print("reentrant ok", rl._is_owned() if hasattr(rl, "_is_owned") else True)
try: threading.Lock().release()
except RuntimeError as e: print(e)
try: rl.release()
except RuntimeError as e: print(e)
loc = threading.local(); loc.x = "main"; seen = []
def lw(i):
    loc.x = i; time.sleep(0.005); seen.append(loc.x)
    seen.append(hasattr(loc, "y"))
loc.y = 1
ts = [threading.Thread(target=lw, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(seen, key=str), loc.x)
tm = []; t = threading.Timer(0.01, lambda: tm.append("fired")); t.start(); t.join(); print(tm)
t2 = threading.Timer(5, lambda: tm.append("never")); t2.start(); t2.cancel(); t2.join(); print(tm)
print(threading.current_thread().name, threading.main_thread() is threading.current_thread(), threading.active_count())
d = threading.Thread(target=time.sleep, args=(100,), daemon=True); d.start(); print(d.daemon, d.is_alive())
t = threading.Thread(target=print, args=("x",), name="custom"); print(repr(t).split(" ")[0], t.name); t.start(); t.join()
try: t.start()
except RuntimeError as e: print(e)
print("done")
