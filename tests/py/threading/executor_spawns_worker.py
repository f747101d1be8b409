# ThreadPoolExecutor starts a second worker when the first is busy, even when
# the second job is submitted while the first worker is just picking up its
# job (it used to count itself idle then, and the second job waited behind a
# long first one).
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait

late = 0
for it in range(150):
    ex = ThreadPoolExecutor(max_workers=2)
    gate = threading.Event()
    slow = ex.submit(gate.wait, 10)
    fast = ex.submit(pow, 3, 2)
    done, _ = wait([fast], timeout=5)
    if fast not in done:
        late += 1
    gate.set()
    ex.shutdown()
    if not slow.result():
        late += 1
print("late jobs:", late)

# Idle workers are reused: sequential jobs on a big pool need one thread.
# The worker counts itself idle just after it sets the result (CPython's does
# too), so give it a moment before the next submit: without the pause a
# loaded machine sometimes starts a second thread, in CPython as well.
ex = ThreadPoolExecutor(max_workers=8)
for i in range(20):
    ex.submit(pow, 2, i).result()
    time.sleep(0.05)
print("threads for sequential jobs:", len(ex._threads))
ex.shutdown()
