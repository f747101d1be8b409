# Threads create instances of the same few classes at once and store
# attributes in thread-specific orders, including fresh names that push each
# class past any per-class key-table limit (~30 names), so that a shared
# per-class key order would be extended by several threads concurrently.
# Instances are published to a shared list where another thread reads them
# with vars() and getattr. Invariants: every instance reads back exactly what
# its creator stored, in its creator's order; readers see only legal values.
import threading
import time

N_WORKERS = 4
DURATION = 1.5


class A:
    pass


class B:
    pass


class C(A):
    pass


CLASSES = [A, B, C]
published = [None] * 256
stop = threading.Event()
errors = []
counts = {}


def expected_names(k, r):
    common = ["x", "y", "z"] if k % 2 == 0 else ["z", "y", "x"]
    fresh = [f"t{k}_{(r + j) % 50}" for j in range(r % 4)]
    if r % 3 == 0:
        return fresh + common
    return common + fresh


def worker(k):
    r = 0
    try:
        while not stop.is_set():
            r += 1
            cls = CLASSES[(r + k) % 3]
            o = cls()
            names = expected_names(k, r)
            for j, n in enumerate(names):
                setattr(o, n, (n, r, j))
            if r % 5 == k % 5:
                vars(o)
            # Plain-syntax reads at shared sites, then getattr, then order.
            if o.x[0] != "x" or o.y[0] != "y" or o.z[0] != "z":
                errors.append(("site", k, r, vars(o)))
                return
            for j, n in enumerate(names):
                if getattr(o, n) != (n, r, j):
                    errors.append(("value", k, r, n, getattr(o, n)))
                    return
            if list(vars(o)) != names:
                errors.append(("order", k, r, list(vars(o)), names))
                return
            if r % 7 == 0:
                del o.y
                o.y = ("y", r, -1)
                if list(vars(o))[-1] != "y":
                    errors.append(("readd order", k, r, list(vars(o))))
                    return
            published[(r * N_WORKERS + k) % len(published)] = o
    except BaseException as e:
        errors.append(("worker exc", k, repr(e)))
    counts[f"w{k}"] = r


def legal(n, v):
    return type(v) is tuple and len(v) == 3 and v[0] == n and type(v[1]) is int


def observer():
    n = 0
    try:
        while not stop.is_set():
            for o in published:
                if o is None:
                    continue
                n += 1
                for key, v in o.__dict__.copy().items():
                    if not legal(key, v):
                        errors.append(("observed", key, v))
                        return
                try:
                    if not legal("x", o.x):
                        errors.append(("observed x", o.x))
                        return
                except AttributeError:
                    errors.append(("x missing", vars(o)))
                    return
                try:
                    v = o.y  # may be between del and re-add
                    if not legal("y", v):
                        errors.append(("observed y", v))
                        return
                except AttributeError:
                    pass
    except BaseException as e:
        errors.append(("observer exc", repr(e)))
    counts["obs"] = n


threads = [threading.Thread(target=worker, args=(k,)) for k in range(N_WORKERS)]
threads.append(threading.Thread(target=observer))
for t in threads:
    t.start()
time.sleep(DURATION)
stop.set()
for t in threads:
    t.join()
assert not errors, errors[:5]
assert all(counts.get(f"w{k}", 0) > 0 for k in range(N_WORKERS)) and counts.get("obs", 0) > 0, counts
# After the race, a fresh instance of each class still behaves.
for cls in CLASSES:
    o = cls()
    o.q = 1
    o.x = 2
    assert list(vars(o)) == ["q", "x"] and o.q == 1 and o.x == 2, vars(o)
print("ok")
