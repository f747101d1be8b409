import threading
from collections import deque

d = deque()
N = 5000

def producer(base):
    for i in range(N):
        d.append(base + i)

def consumer(out):
    got = 0
    while got < N:
        try:
            out.append(d.popleft())
            got += 1
        except IndexError:
            pass

outs = [[], []]
threads = [threading.Thread(target=producer, args=(0,)),
           threading.Thread(target=producer, args=(N,)),
           threading.Thread(target=consumer, args=(outs[0],)),
           threading.Thread(target=consumer, args=(outs[1],))]
for t in threads:
    t.start()
for t in threads:
    t.join()
allv = sorted(outs[0] + outs[1])
print(len(allv), allv == list(range(2 * N)), len(d))

# A deque bounded by maxlen keeps only the newest items, whatever the interleaving.
b = deque(maxlen=10)
def fill():
    for i in range(1000):
        b.append(i)
ts = [threading.Thread(target=fill) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(b), b.maxlen)

try:
    e = deque([1, 2])
    for x in e:
        e.append(3)
except RuntimeError as ex:
    print(type(ex).__name__, ex)
f = deque()
f.append(f)
print(f, deque('ab', 5), deque[int])
