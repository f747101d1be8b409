# Stress: deep chains (linked instances, nested lists, tuples and dicts)
# built by some threads and dropped by others, while the builders keep
# running or have exited, so their deallocations run through every path (the
# owner's own decrefs, merge queues, a non-owner merging the nodes of an
# exited owner) with the trashcan deferring the deep part. Checks: no crash,
# every chain dies (weak reference to its head and to its tail), every
# __del__ runs exactly once.
import queue
import threading
import time
import weakref

DEPTH = 50000
ROUNDS = 3
WORKERS = 4

deleted = 0
deleted_lock = threading.Lock()


class Node:
    __slots__ = ("next", "__weakref__")


class Final:
    def __del__(self):
        global deleted
        with deleted_lock:
            deleted += 1


def build(kind):
    if kind == 0:
        n = None
        for _ in range(DEPTH):
            m = Node()
            m.next = n
            n = m
        tail = n
        while tail.next is not None:
            tail = tail.next
        return n, [weakref.ref(n), weakref.ref(tail)]
    if kind == 1:
        n = None
        for _ in range(DEPTH // 4):
            m = Final()
            m.next = n
            n = m
        return n, [weakref.ref(n)]
    head = Node()
    x = head
    for i in range(DEPTH):
        x = [x] if kind == 2 else (x, i) if kind == 3 else {i: x}
    return x, [weakref.ref(head)]


def dies(w):
    deadline = time.monotonic() + 60
    while w() is not None:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


def main():
    errors = []
    refs = []
    finals = 0
    for rnd in range(ROUNDS):
        q = queue.Queue()

        def builder(i):
            for k in range(5):
                obj, ws = build((i + k) % 5)
                refs.extend(ws)
                q.put(obj)
                del obj

        def dropper():
            while True:
                obj = q.get()
                if obj is None:
                    return
                del obj

        builders = [threading.Thread(target=builder, args=(i,)) for i in range(WORKERS)]
        droppers = [threading.Thread(target=dropper) for _ in range(WORKERS)]
        for t in builders + droppers:
            t.start()
        for t in builders:
            t.join()
        for _ in droppers:
            q.put(None)
        for t in droppers:
            t.join()
        finals += sum(1 for i in range(WORKERS) for k in range(5) if (i + k) % 5 == 1)
    # Chains of builders that exited, dropped by the main thread.
    late = []
    t = threading.Thread(target=lambda: late.extend(build(k) for k in range(5)))
    t.start()
    t.join()
    finals += 1
    for obj, ws in late:
        refs.extend(ws)
    del obj, ws
    while late:
        x = late.pop()
        del x
    for w in refs:
        if not dies(w):
            errors.append("a chain outlived its last reference")
            break
    deadline = time.monotonic() + 60
    while deleted != finals * (DEPTH // 4) and time.monotonic() < deadline:
        time.sleep(0.01)
    if deleted != finals * (DEPTH // 4):
        errors.append(f"__del__ ran {deleted} times, expected {finals * (DEPTH // 4)}")
    print("FAIL", errors) if errors else print("ok")


main()
