# Threads and the native pickler: picklers of their own in several threads
# at once give the same bytes as one thread does; one Pickler shared by two
# threads never interleaves two dumps (a dump that finds another running
# raises RuntimeError) and every pickle it writes loads back whole.
import io
import pickle
import threading

data = [{'id': i, 'name': 'n%d' % i, 'vals': (i, i * 0.5, [i] * 3)} for i in range(300)]
expected = pickle.dumps(data, 4)
results = []
errors = []


def own_pickler():
    try:
        for proto in range(6):
            for _ in range(3):
                f = io.BytesIO()
                pickle.Pickler(f, proto).dump(data)
                results.append(f.getvalue() == pickle.dumps(data, proto))
    except Exception as e:
        errors.append(e)


threads = [threading.Thread(target=own_pickler) for _ in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('own picklers', len(results), all(results), errors)


class Chunks:
    """A file whose write runs Python code (so a dump may be suspended)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.parts = []

    def write(self, b):
        with self.lock:
            self.parts.append(bytes(b))


shared_file = Chunks()
shared = pickle.Pickler(shared_file, 2)
shared.fast = 1  # no memo: each pickle stands alone
outcomes = []


def use_shared():
    for _ in range(20):
        try:
            shared.dump(data)
            outcomes.append('ok')
        except RuntimeError as e:
            outcomes.append(str(e))


threads = [threading.Thread(target=use_shared) for _ in range(3)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print('shared outcomes', sorted(set(o if o == 'ok' else 'refused' for o in outcomes)) in (['ok'], ['ok', 'refused']))
print('dumps', outcomes.count('ok') == len(shared_file.parts) and outcomes.count('ok') > 0)
stream = io.BytesIO(b''.join(shared_file.parts))
loaded = 0
while stream.tell() < len(stream.getvalue()):
    obj = pickle.load(stream)
    assert obj == data, 'torn pickle'
    loaded += 1
print('loaded back', loaded == outcomes.count('ok'))
