# Several threads each build and free long chains at once (the trashcan's
# deferred list is per thread), and chains built by one thread are freed by
# another: nodes whose owner is alive go through its merge queue, nodes of
# an exited owner are merged by the thread that drops them.
import collections
import threading

N = 100_000
THREADS = 4


class Node:
    pass


def chain(n):
    head = None
    for _ in range(n):
        m = Node()
        m.next = head
        head = m
    return head


def deque_chain(n):
    d = None
    for _ in range(n):
        d = collections.deque([d])
    return d


errors = []


def own_chains():
    try:
        for _ in range(2):
            c = chain(N)
            del c
            l = None
            for _ in range(N):
                l = [l, (l,)]
            del l
            d = deque_chain(N // 2)
            del d
    except BaseException as e:
        errors.append(e)


ts = [threading.Thread(target=own_chains) for _ in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()

# Built by threads that exit, freed here.
built = []
ts = [threading.Thread(target=lambda: built.append(chain(N))) for _ in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
del ts
built.clear()

# Built here, freed by other threads while this one (the owner) lives.
handoff = [chain(N) for _ in range(THREADS)]
barrier = threading.Barrier(THREADS)


def drop(i):
    barrier.wait()
    handoff[i] = None


ts = [threading.Thread(target=drop, args=(i,)) for i in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()

assert not errors, errors
print("ok")
