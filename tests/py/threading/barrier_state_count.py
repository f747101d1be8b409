# threading.Barrier keeps its state in _state/_count as CPython's does, so
# multiprocessing's Barrier (shared-memory properties over them) works too.
import threading, multiprocessing as mp
b = threading.Barrier(3, action=lambda: out.append("action"))
out = []
def w(i):
    for r in range(3):
        idx = b.wait()
        out.append((r, idx >= 0))
ts = [threading.Thread(target=w, args=(i,)) for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(out.count("action"), len(out), b.n_waiting, b.broken)
b2 = threading.Barrier(2, timeout=0.05)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("timeout broke", b2.broken)
b2.reset(); print("reset", b2.broken, b2.n_waiting)
b3 = threading.Barrier(2)
res = []
def waiter():
    try:
        b3.wait()
    except threading.BrokenBarrierError:
        res.append("broken")
t = threading.Thread(target=waiter); t.start()
while b3.n_waiting == 0: pass
b3.abort(); t.join(); print(res, b3.broken)
b3.reset(); print(b3.broken)
def act():
    raise ValueError("act")
b4 = threading.Barrier(1, action=act)
try:
    b4.wait()
except ValueError as e:
    print("action raised", e, b4.broken)
ctx = mp.get_context("fork")
mb = ctx.Barrier(2)
def pw(b):
    b.wait()
p = ctx.Process(target=pw, args=(mb,)); p.start(); print("mp barrier", mb.wait() in (0, 1)); p.join(); print(p.exitcode)
