# Threads share datetime objects (immutable; hashes cached with relaxed
# atomics) and build new ones concurrently: every thread must see the same
# hashes, comparisons and arithmetic results.
import threading
from datetime import date, datetime, time, timedelta, timezone

base = datetime(2020, 1, 1, tzinfo=timezone(timedelta(hours=2)))
shared = [base + timedelta(hours=i, microseconds=i) for i in range(200)]
naive = [date(2020, 1, 1) + timedelta(days=i) for i in range(200)]
times = [time(i % 24, i % 60, tzinfo=timezone.utc) for i in range(200)]
results = []
lock = threading.Lock()

def work(k):
    acc = 0
    seen = set()
    for rep in range(20):
        for i in range(200):
            d = shared[i]
            acc += hash(d) == hash(d.astimezone(timezone.utc))
            acc += (d - base) == timedelta(hours=i, microseconds=i)
            acc += naive[i].toordinal() - naive[0].toordinal() == i
            acc += hash(times[i]) == hash(times[i].replace(tzinfo=timezone.utc))
            seen.add(d)
            seen.add(naive[i])
    with lock:
        results.append((acc, len(seen)))

threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
for t in threads: t.start()
for t in threads: t.join()
print(sorted(results))
print(len({hash(d) for d in shared}), min(shared), max(shared) - min(shared))
