import threading
ev = threading.Event()
seen = []
def waiter(i):
    ev.wait()
    seen.append(i)
ts = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for t in ts: t.start()
print(ev.is_set(), seen)
ev.set()
for t in ts: t.join()
print(ev.is_set(), sorted(seen))
ev.clear()
print(ev.wait(0.01))
barrier = threading.Barrier(4)
phases = []
plock = threading.Lock()
def phase_worker(i):
    for ph in range(3):
        with plock:
            phases.append((ph, i))
        barrier.wait()
ts = [threading.Thread(target=phase_worker, args=(i,)) for i in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print([p for p, _ in phases] == sorted(p for p, _ in phases), len(phases), barrier.parties, barrier.n_waiting, barrier.broken)
b2 = threading.Barrier(2)
try:
    b2.wait(timeout=0.01)
except threading.BrokenBarrierError as e:
    print(type(e).__name__, b2.broken)
