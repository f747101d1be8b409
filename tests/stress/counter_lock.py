# N threads increment a shared counter under `with lock:`; no update is lost.
import _thread

N, ITERS = 8, 5000
lock = _thread.allocate_lock()
counter = 0
handles = []

def work():
    global counter
    for _ in range(ITERS):
        with lock:
            counter += 1

for _ in range(N):
    handles.append(_thread.start_joinable_thread(work))
for h in handles:
    h.join()
assert counter == N * ITERS, counter
print("ok", counter)
