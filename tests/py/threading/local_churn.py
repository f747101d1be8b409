# threading.local under churn: many threads create, use and drop locals while
# other threads start and exit. Checks that a thread only ever sees its own
# values, that __init__ runs once per thread that touches a subclass
# instance, and that a thread's values die with the thread and a local's
# values die with the local.
import gc
import threading
import time
import weakref

ROUNDS = 6
THREADS = 6
ITERS = 300

errors = []
shared = threading.local()


class Counted(threading.local):
    inits = []
    inits_lock = threading.Lock()

    def __init__(self, tag, scale=1):
        with Counted.inits_lock:
            Counted.inits.append((tag, threading.get_ident()))
        self.tag = tag
        self.scale = scale
        self.owner = threading.get_ident()


counted = Counted("c", scale=3)


class Token:
    pass


def worker(round_no, tid, start, token_refs):
    me = threading.get_ident()
    mine = (round_no, tid)
    start.wait()
    if hasattr(shared, "value"):
        errors.append(("fresh thread saw a value", mine))
    shared.value = mine
    if counted.owner != me or counted.tag != "c" or counted.scale != 3:
        errors.append(("subclass __init__ state", mine))
    counted.hits = 0
    token = Token()
    shared.token = token
    token_refs.append(weakref.ref(token))
    del token
    for i in range(ITERS):
        # Locals of its own, made and dropped all the time.
        own = threading.local()
        own.i = i
        own.who = mine
        if own.i != i or own.who != mine:
            errors.append(("own local", mine, i))
        del own
        if shared.value != mine:
            errors.append(("shared value leaked", mine, shared.value))
        counted.hits += 1
        if i % 50 == 0:
            # A local created here and handed around: other threads must
            # not see this thread's attributes on it.
            passed = threading.local()
            passed.secret = mine
            seen = []
            t = threading.Thread(target=lambda: seen.append(hasattr(passed, "secret")))
            t.start()
            t.join()
            if seen != [False]:
                errors.append(("handed local leaked", mine, seen))
    if counted.hits != ITERS:
        errors.append(("hits", mine, counted.hits))
    if shared.__dict__ != {"value": mine, "token": shared.token}:
        errors.append(("__dict__", mine, sorted(shared.__dict__)))


def run_round(round_no, token_refs):
    start = threading.Event()
    ts = [threading.Thread(target=worker, args=(round_no, tid, start, token_refs)) for tid in range(THREADS)]
    for t in ts:
        t.start()
    start.set()
    for t in ts:
        t.join()


def count_alive(refs):
    # ftpy may free an object another thread touched only at a later
    # collection (deferred merges): give it a few.
    for _ in range(20):
        gc.collect()
        alive = sum(1 for w in refs if w() is not None)
        if not alive:
            break
        time.sleep(0.01)
    return alive


token_refs = []
for r in range(ROUNDS):
    run_round(r, token_refs)
print("errors:", errors[:5])
print("tokens alive after their threads exited:", count_alive(token_refs))
inits = Counted.inits
print("__init__ calls (1 + one per worker thread):", len(inits))
print("main value untouched:", hasattr(shared, "value"))

# A local dies while the threads that used it are alive: their values die
# too. (The holders poll instead of blocking: on ftpy an object another
# thread owns is freed by its owner at its next safepoint.)
victim = threading.local()
refs = []
refs_lock = threading.Lock()
stored = threading.Barrier(5)
checked = []


def holder():
    t = Token()
    victim.t = t
    with refs_lock:
        refs.append(weakref.ref(t))
    del t
    stored.wait()
    while not checked:
        time.sleep(0.001)
    # The local is gone from this thread's view: a new one is empty.
    fresh = threading.local()
    if hasattr(fresh, "t"):
        errors.append("fresh local has an old attribute")


hs = [threading.Thread(target=holder) for _ in range(4)]
for h in hs:
    h.start()
stored.wait()
del victim
print("values alive after the local died:", count_alive(refs))
checked.append(True)
for h in hs:
    h.join()

# A thread whose __init__ fails sees the error each time and keeps no dict.
class Failing(threading.local):
    def __init__(self, ok):
        if not ok and threading.current_thread() is not threading.main_thread():
            raise ValueError("no init here")
        self.ok = True


f = Failing(False)
out = []


def touch():
    for _ in range(2):
        try:
            f.ok
        except ValueError as e:
            out.append(str(e))


t = threading.Thread(target=touch)
t.start()
t.join()
print(out, f.ok)
print("errors at end:", errors[:5])

# One thread with many locals at once (its table grows, and entries of dead
# locals are reused), read back after others died and were replaced.
def many():
    ls = [threading.local() for _ in range(300)]
    for i, l in enumerate(ls):
        l.v = i
    del ls[::2]
    ls += [threading.local() for _ in range(300)]
    for l in ls[150:]:
        l.v = -1
    bad = [i for i, l in enumerate(ls[:150]) if l.v != 2 * i + 1]
    print("many locals:", len(ls), "wrong:", bad[:3], "new ones:", {l.v for l in ls[150:]})


t = threading.Thread(target=many)
t.start()
t.join()
