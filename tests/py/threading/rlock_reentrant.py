import threading
r = threading.RLock()
def recurse(n):
    with r:
        return 0 if n == 0 else 1 + recurse(n - 1)
print(recurse(50))
r.acquire(); r.acquire()
r.release(); r.release()
try:
    r.release()
except RuntimeError as e:
    print(type(e).__name__, e)
shared = []
def worker(i):
    for _ in range(100):
        with r:
            with r:
                shared.append(i)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(shared), sorted(set(shared)))
other_result = []
def try_other():
    other_result.append(r.acquire(blocking=False))
r.acquire()
t = threading.Thread(target=try_other); t.start(); t.join()
r.release()
print(other_result)
