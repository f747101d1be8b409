# While one thread runs, ftpy takes no object locks (critical_section.h,
# single-thread lock elision); a thread that attaches stops the world and the
# others resume their sections with real locks. Here threads start and exit
# all the time while the main thread mutates the same containers, so the
# process keeps crossing between one thread and several: no update may be
# lost, and a comparison that runs Python inside a dict's section while a
# new thread writes that dict must not crash.
import threading

ROUNDS = 150
PER = 150

shared = []
d = {}


class Box:
    pass


box = Box()
box.n = 0


def worker(k):
    for j in range(PER):
        shared.append(j)
        d[(k, j)] = j
        box.last = j


for r in range(ROUNDS):
    ts = [threading.Thread(target=worker, args=(r * 2 + i,)) for i in range(2)]
    for t in ts:
        t.start()
    for j in range(PER):  # the main thread mutates while the others start and exit
        shared.append(-1)
        d[("main", r, j)] = j
        box.n += 1
    for t in ts:
        t.join()
assert len(shared) == ROUNDS * PER * 3, len(shared)
assert len(d) == ROUNDS * PER * 3, len(d)
assert box.n == ROUNDS * PER

# __eq__ runs inside the dict's critical section, starts a thread that
# writes the same dict, and joins it (so the section is suspended meanwhile).
d2 = {}
spawn = True


class Key:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        if spawn:
            t = threading.Thread(target=d2.__setitem__, args=(object(), 1))
            t.start()
            t.join()
        return self is other


keys = [Key(i % 3) for i in range(60)]
for k in keys:
    d2[k] = 0
spawn = False
assert all(d2[k] == 0 for k in keys)
assert len(d2) > 60
print("ok")
