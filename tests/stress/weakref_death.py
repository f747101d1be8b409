# Stress: objects and their weak references dying at once in different
# threads. A dying object whose weakref list is empty skips the global weakref
# mutex (objects/weakref.h), so this races the last decref of a referent
# against another thread unlinking (dropping) or dereferencing its weakrefs.
# Checks: a live weakref's callback runs exactly once, after which the ref is
# dead; a dereference gives the object itself (intact) or None; objects
# without weak references die in every thread at full speed alongside.
import threading
import time
import weakref

ROUNDS = 300
N = 200

fired = 0
fired_lock = threading.Lock()


def on_dead(ref):
    global fired
    with fired_lock:
        fired += 1


class Node:
    def __init__(self, v):
        self.v = v


def run_round(errors):
    objs = [Node(i) for i in range(N)]
    kept = [weakref.ref(o, on_dead) for o in objs[::2]]  # outlive their referents
    dropped = [weakref.ref(o) for o in objs[1::2]]  # die alongside them
    barrier = threading.Barrier(3)

    def drop_objects():
        barrier.wait()
        objs.clear()

    def drop_refs():
        barrier.wait()
        dropped.clear()

    def deref():
        barrier.wait()
        for r in kept:
            o = r()
            if o is not None and not isinstance(o.v, int):
                errors.append("dereferenced a damaged object")
        # Unrelated objects without weak references dying at the same time.
        for i in range(N):
            Node(i)

    threads = [threading.Thread(target=f) for f in (drop_objects, drop_refs, deref)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # Objects another thread dropped wait in this (owning) thread's merge
    # queue until its next safepoint, as in CPython's free-threaded build;
    # and list.clear() releases the items once every thread has passed a
    # quiescent point (QSBR), which a joined thread still finishing its exit
    # on a loaded machine may delay. So wait by time, not by a count of
    # tries: only a referent that never dies fails.
    deadline = time.monotonic() + 30
    for r in kept:
        while r() is not None:
            if time.monotonic() > deadline:
                errors.append("referent outlived its last reference")
                break
            time.sleep(0.0005)
    return len(kept)


def main():
    errors = []
    expected = 0
    for _ in range(ROUNDS):
        expected += run_round(errors)
        if errors:
            break
    if errors:
        print("FAIL", errors[:3])
        return
    if fired != expected:
        print("FAIL callbacks", fired, "expected", expected)
        return
    print("ok")


main()
