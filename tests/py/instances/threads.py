# Four threads create instances and set/read/delete attributes (each on its
# own objects and on shared ones, storing different names in different
# orders) while another thread keeps calling vars() on the shared instances,
# and a sixth reads attributes of the shared instances. Only deterministic
# results are printed.
import threading

N_WORKERS = 4
ROUNDS = 2000
N_SHARED = 16


class Obj:
    pass


class Sub(Obj):
    pass


shared = [(Obj if i % 2 else Sub)() for i in range(N_SHARED)]
for i, o in enumerate(shared):
    o.fixed = i
    o.const = "c"
barrier = threading.Barrier(N_WORKERS + 2)
done = threading.Event()
errors = []
results = {}


def worker(k):
    names = [f"w{k}_{j}" for j in range(6)]
    if k % 2:
        names.reverse()
    mine_total = 0
    barrier.wait()
    try:
        for r in range(ROUNDS):
            mine = Obj() if r % 3 else Sub()
            for j, n in enumerate(names):
                setattr(mine, n, r + j)
            if r % 5 == 0:
                vars(mine)  # some of a thread's own objects are materialised
            if r % 7 == 0:
                delattr(mine, names[0])
                setattr(mine, names[0], r)
            mine.tail = k
            mine_total += sum(getattr(mine, n) for n in names) + mine.tail
            if list(vars(mine))[-1] != "tail":
                errors.append(("order", k, r, list(vars(mine))))
            # Shared objects: each worker owns one attribute name.
            o = shared[r % N_SHARED]
            setattr(o, f"owner{k}", r)
            if getattr(o, f"owner{k}") != r:
                errors.append(("lost store", k, r))
            if r % 4 == k:
                delattr(o, f"owner{k}")
                if hasattr(o, f"owner{k}"):
                    errors.append(("del not seen", k, r))
                setattr(o, f"owner{k}", r)
            if o.fixed != r % N_SHARED or o.const != "c":
                errors.append(("fixed", k, r, o.fixed))
    except Exception as e:
        errors.append(("exc", k, repr(e)))
    results[k] = mine_total


def materialiser():
    barrier.wait()
    calls = 0
    while not done.is_set() or calls < 100:
        for o in shared:
            d = vars(o)
            if d.get("fixed") is None or d.get("const") != "c":
                errors.append(("vars", dict(d)))
            calls += 1
    results["vars_ok"] = calls > 0


def reader():
    barrier.wait()
    reads = 0
    while not done.is_set() or reads < 100:
        for i, o in enumerate(shared):
            if o.fixed != i:
                errors.append(("read", i, o.fixed))
            for k in range(N_WORKERS):
                v = getattr(o, f"owner{k}", None)
                if v is not None and not (0 <= v < ROUNDS):
                    errors.append(("bad value", k, v))
            reads += 1
    results["reads_ok"] = reads > 0


threads = [threading.Thread(target=worker, args=(k,)) for k in range(N_WORKERS)]
extra = [threading.Thread(target=materialiser), threading.Thread(target=reader)]
for t in threads + extra:
    t.start()
for t in threads:
    t.join()
done.set()
for t in extra:
    t.join()

print("errors", errors[:5])
print("worker totals", [results[k] for k in range(N_WORKERS)])
print("vars ok", results["vars_ok"], "reads ok", results["reads_ok"])
# Final state of the shared objects is deterministic: each worker's last
# store to object i came from its last round r with r % N_SHARED == i.
final = []
for i, o in enumerate(shared):
    last = max(r for r in range(ROUNDS) if r % N_SHARED == i)
    final.append(all(getattr(o, f"owner{k}") == last for k in range(N_WORKERS)))
    assert sorted(vars(o)) == sorted(["fixed", "const"] + [f"owner{k}" for k in range(N_WORKERS)]), vars(o)
print("final", all(final), len(vars(shared[0])))

# Threads each materialising their own objects' dicts and mutating through
# them while also storing attributes.
def dict_worker(k, out):
    total = 0
    for r in range(200):
        o = Obj()
        o.a = r
        d = o.__dict__
        d["b"] = k
        o.c = r + k
        d.update(e=1)
        del o.a
        total += o.b + o.c + d["e"] + len(d)
        o.__dict__ = {"z": r}
        total += o.z
    out[k] = total


out = {}
ts = [threading.Thread(target=dict_worker, args=(k, out)) for k in range(N_WORKERS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("dict workers", [out[k] for k in range(N_WORKERS)])
