import threading, time
sem = threading.BoundedSemaphore(3)
active = 0
peak = 0
guard = threading.Lock()
def task():
    global active, peak
    with sem:
        with guard:
            active += 1
            peak = max(peak, active)
        time.sleep(0.01)
        with guard:
            active -= 1
ts = [threading.Thread(target=task) for _ in range(10)]
for t in ts: t.start()
for t in ts: t.join()
print(peak <= 3, active)
try:
    sem.release()
except ValueError as e:
    print(type(e).__name__, e)
s = threading.Semaphore(0)
print(s.acquire(timeout=0.01), s.acquire(blocking=False))
s.release(2)
print(s.acquire(), s.acquire(), s.acquire(blocking=False))
try:
    threading.Semaphore(-1)
except ValueError as e:
    print(type(e).__name__, e)
