# Threads keep taking and dropping references to shared objects (a function,
# a class and its instances, a module-level dict and list, constant tuples),
# so that the runtime switches them to per-thread reference counts
# (runtime/object.h) while other threads replace them and a collector thread
# runs gc.collect(). Checks: every result is right, no object dies while in
# use, and every object dropped for good is freed by the next collections
# (its weakref callback fires) -- none leaks, none is freed twice.
import gc
import threading
import time
import weakref

THREADS = 4
ROUNDS = 30
ITERS = 3000
TIME_LIMIT = 60.0

freed = 0
freed_lock = threading.Lock()


def on_freed(ref):
    global freed
    with freed_lock:
        freed += 1


class Point:
    __slots__ = ("x", "y", "__weakref__")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)


def shared_func(a, b):
    return a * 3 + b


# Replaced by the main thread each round; workers read whatever is current.
current = {"table": {k: k * 2 for k in range(32)}, "point": Point(1, 2), "items": list(range(16))}
refs = []
refs_lock = threading.Lock()
stop = False


class Marker:
    """Stored in a shared dict or list (which cannot be weakly referenced):
    it is freed when its container is."""


def track(obj):
    with refs_lock:
        refs.append(weakref.ref(obj, on_freed))


def worker(tid, errors):
    deadline = time.monotonic() + TIME_LIMIT
    for r in range(ROUNDS):
        if time.monotonic() > deadline:
            break
        for i in range(ITERS):
            table = current["table"]
            p = current["point"]
            items = current["items"]
            v = table.get(i & 31, -1)
            if v != (i & 31) * 2:
                errors.append(("table", v, i))
            if shared_func(p.x, p.y) != p.x * 3 + p.y:
                errors.append(("func", p.x, p.y))
            if p.norm1() != abs(p.x) + abs(p.y):
                errors.append(("norm1",))
            if items[i & 15] != (i & 15) + items[0]:
                errors.append(("items", items[i & 15], i))
            if (i & 3, 1) == (2, 1) and (i & 3) != 2:
                errors.append(("tuple",))


def collector():
    while not stop:
        gc.collect()
        time.sleep(0.005)


def main():
    global stop, current
    errors = []
    threads = [threading.Thread(target=worker, args=(t, errors)) for t in range(THREADS)]
    col = threading.Thread(target=collector)
    for t in threads:
        t.start()
    col.start()
    made = 0
    base = 0
    while any(t.is_alive() for t in threads):
        base += 1
        table = {k: k * 2 for k in range(32)}
        table["marker"] = Marker()
        point = Point(base, -base)
        items = [base + k for k in range(16)]
        items.append(Marker())
        for o in (table["marker"], point, items[-1]):
            track(o)
            made += 1
        current = {"table": table, "point": point, "items": items}
        del table, point, items, o
        time.sleep(0.01)
    for t in threads:
        t.join()
    stop = True
    col.join()
    # Drop the last generation too, then collect until everything is freed.
    current = None
    for _ in range(10):
        gc.collect()
        if freed == made:
            break
        time.sleep(0.01)
    assert not errors, errors[:5]
    assert freed == made, ("objects not freed", made - freed, "of", made)
    print("ok", made > 0)


main()
