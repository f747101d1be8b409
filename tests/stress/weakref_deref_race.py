# Stress: a weak reference dereferenced in one thread while the referent's
# owner drops its last reference in another. The owner frees an object whose
# shared count nobody touched without any atomic read-modify-write, so a
# dereference must not read "count 1" and take a reference while that free
# is under way (it must fail, or come first so that the object survives:
# runtime/object.h, rc::try_incref). The same holds for a weakref reached
# through its referent's list: ref(o) returning the existing basic ref while
# its last holder drops it. Both threads also hash the basic ref, whose
# cached hash they may fill at once.
# Checks: every dereference gives None or the intact object, and every
# referent's callback runs exactly once.
import gc
import threading
import time
import weakref

N = 20000


class Obj:
    __slots__ = ("v", "__weakref__")

    def __init__(self, v):
        self.v = v


fired = [0]
fired_lock = threading.Lock()


def on_dead(ref):
    with fired_lock:
        fired[0] += 1


box = [None, None]  # (a weakref with a callback, the referent's basic ref)
# The callback refs outlive their referents: a referent that several threads
# touched may be switched to per-thread counts and then die only at the next
# collection (docs/free_threading.md), and a weakref that dies first never
# calls back, in CPython too.
keep = []
done = threading.Event()
errors = []


def reader():
    while not done.is_set():
        w = box[0]
        if w is None:
            continue
        p = box[1]
        if p is not None:
            try:
                hash(p)  # races the writer's hash of the same weakref
            except TypeError:  # its referent died before anyone hashed it
                pass
        o = w()
        if o is not None:
            if not isinstance(o.v, int) or o.v < 0:
                errors.append("dereferenced a damaged object")
            # ref(o) must give a live weakref: the basic one, or a new one
            # if the basic one is dying in the writer's thread.
            r = weakref.ref(o)
            if r() is not o:
                errors.append("weakref.ref(o)() is not o")
            del o, r


def main():
    t = threading.Thread(target=reader)
    t.start()
    for i in range(N):
        o = Obj(i)
        box[1] = weakref.ref(o)
        hash(box[1])
        box[0] = weakref.ref(o, on_dead)
        keep.append(box[0])
        del o  # the last strong reference, in the owner's thread
    box[0] = box[1] = None
    done.set()
    t.join()
    if errors:
        print("FAIL", errors[:3])
        return
    # A referent the reader dropped last waits in this (its owner's) thread's
    # merge queue until a safepoint here, as in CPython's free-threaded build:
    # wait by time; only a callback that never runs fails.
    deadline = time.monotonic() + 30
    while fired[0] < N and time.monotonic() < deadline:
        gc.collect()
        time.sleep(0.001)
    if fired[0] != N:
        print("FAIL callbacks", fired[0], "expected", N)
        return
    print("ok")


main()
