# RLock re-entry from many threads and per-thread _local values.
import _thread

N = 6
r = _thread.RLock()
loc = _thread._local()
total = [0]
seen = {}

class Counter(_thread._local):
    def __init__(self, start):
        self.n = start

c = Counter(10)

def work(k):
    loc.k = k
    for _ in range(2000):
        with r:
            with r:
                total[0] += 1
                c.n += 1
    assert loc.k == k
    with r:
        seen[k] = c.n

hs = [_thread.start_joinable_thread(lambda k=k: work(k)) for k in range(N)]
for h in hs:
    h.join()
assert total[0] == N * 2000, total
assert all(v == 2010 for v in seen.values()), seen
assert c.n == 10
print("ok", total[0])
