# tracemalloc's trace table under contention: six threads allocate and free
# lists, strs and dicts while another thread starts, clears and stops
# tracing with different frame limits and the main thread takes snapshots
# and reads the counters. Nothing may crash, hang or come out inconsistent.
import threading
import time
import tracemalloc

stop = False


def churn(k):
    keep = []
    while not stop:
        keep.append([k] * 50)
        keep.append(str(k) * 20)
        keep.append({k: k})
        if len(keep) > 100:
            del keep[:50]


def toggler():
    for i in range(30):
        tracemalloc.start(i % 4 + 1)
        time.sleep(0.005)
        tracemalloc.clear_traces()
        time.sleep(0.005)
        tracemalloc.stop()


threads = [threading.Thread(target=churn, args=(k,)) for k in range(6)]
for t in threads:
    t.start()
tg = threading.Thread(target=toggler)
tg.start()
snapshots = 0
t0 = time.time()
while tg.is_alive() and time.time() - t0 < 20:
    if tracemalloc.is_tracing():
        try:
            tracemalloc.take_snapshot().statistics('lineno')
            snapshots += 1
        except RuntimeError:
            pass  # stopped between the check and the snapshot
    cur, peak = tracemalloc.get_traced_memory()
    assert cur >= 0 and (peak >= cur or not tracemalloc.is_tracing()), (cur, peak)
tg.join()
stop = True
for t in threads:
    t.join()
assert not tracemalloc.is_tracing()
assert tracemalloc.get_traced_memory() == (0, 0)
print("ok")
