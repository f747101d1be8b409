# Threads append to and pop from one shared list; every element is seen once.
import _thread

N, ITERS = 6, 4000
shared = []
popped = [[] for _ in range(N)]

def producer_consumer(k):
    mine = popped[k]
    for i in range(ITERS):
        shared.append(k * ITERS + i)
        if i % 2:
            try:
                mine.append(shared.pop())
            except IndexError:
                pass

hs = []
for k in range(N):
    hs.append(_thread.start_joinable_thread(lambda k=k: producer_consumer(k)))
for h in hs:
    h.join()
everything = shared + [x for p in popped for x in p]
everything.sort()
assert everything == list(range(N * ITERS)), (len(everything), N * ITERS)
print("ok", len(everything))
