# Threads started and joined in a loop; _count() returns to zero.
import _thread

results = []
lock = _thread.allocate_lock()

def work(i):
    with lock:
        results.append(i)

for round in range(50):
    hs = [_thread.start_joinable_thread(lambda i=round * 4 + j: work(i)) for j in range(4)]
    for h in hs:
        h.join()
results.sort()
assert results == list(range(200)), len(results)
# Joined threads may still be unwinding their thread state; wait for the count.
for _ in range(100000):
    if _thread._count() == 0:
        break
assert _thread._count() == 0, _thread._count()
print("ok", len(results))
