# The native unpickler from many threads: each thread loads its own pickles
# with loads() (no shared state), and four threads share one Unpickler over
# one file of many pickles, reading its memo and replacing it meanwhile. A
# shared Unpickler is guarded by its critical section: every object loaded
# is whole, no load is lost or corrupted (a load that finds the Unpickler
# busy raises RuntimeError and is retried), and nothing crashes.
import io
import pickle
import threading

records = [{"id": i, "name": "r%d" % i, "vals": [i, i * 0.5, (i, str(i))]} for i in range(50)]
blobs = [pickle.dumps(records, proto) for proto in range(6)]
N_SHARED = 400
stream = io.BytesIO()
for i in range(N_SHARED):
    pickle.dump((i, records[i % 50]), stream, 2 + i % 4)
stream.seek(0)
shared = pickle.Unpickler(stream)
got = []
errors = []
lock = threading.Lock()


def private(rounds):
    for r in range(rounds):
        back = pickle.loads(blobs[r % 6])
        if back != records:
            errors.append("private load differs")


def shared_reader():
    while True:
        try:
            item = shared.load()
        except EOFError:
            return
        except RuntimeError:
            continue  # another thread's load was running
        with lock:
            got.append(item)
        m = shared.memo.copy()
        if len(m) > 10000:
            errors.append("memo grew")
        shared.memo = {}


threads = [threading.Thread(target=private, args=(60,)) for _ in range(3)]
threads += [threading.Thread(target=shared_reader) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors[:3]
assert sorted(i for i, _ in got) == list(range(N_SHARED)), len(got)
for i, rec in got:
    assert rec == records[i % 50]
print("ok", len(got))
