# os.fork() again and again while other threads hammer shared containers,
# make cyclic garbage, take locks and import: every child must find a
# working one-thread runtime (containers, locks, the collector, new threads,
# imports) and exit with the status it computes; the parent's threads must
# keep running undisturbed.
import gc
import os
import sys
import threading

shared = {}
items = []
lock = threading.Lock()
stop = threading.Event()
progress = [0] * 4


class Node:
    pass


def hammer(n):
    i = 0
    while not stop.is_set():
        shared[(n, i % 64)] = [i]
        items.append(i)
        if len(items) > 2000:
            del items[:1000]
        a, b = Node(), Node()
        a.other, b.other = b, a
        with lock:
            progress[n] += 1
        if i % 500 == 0:
            import json  # the import lock, taken while other threads fork
            json.dumps(shared.get((n, 0)))
        i += 1


def child(round_no):
    # A gone thread may have held `lock` at the fork, as in CPython; the
    # after-in-child hook made it anew. Containers they were writing work.
    with lock:
        shared["child"] = round_no
    items.append(round_no)
    total = len(shared) + len(items)
    # The collector, with the gone threads' objects still around.
    for _ in range(50):
        a, b = Node(), Node()
        a.other, b.other = b, a
    del a, b
    gc.collect()
    # New threads.
    out = []
    ts = [threading.Thread(target=lambda k=k: out.append(k * k)) for k in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if sorted(out) != [0, 1, 4] or total <= 0 or threading.active_count() != 1:
        return 100
    return 10 + round_no % 50


os.register_at_fork(after_in_child=lock._at_fork_reinit)
threads = [threading.Thread(target=hammer, args=(n,)) for n in range(3)]
for t in threads:
    t.start()
while min(progress[:3]) == 0:
    pass

rounds = 12
try:
    for r in range(rounds):
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                code = child(r)
            finally:
                os._exit(code)
        _, status = os.waitpid(pid, 0)
        code = os.waitstatus_to_exitcode(status)
        assert code == 10 + r % 50, (r, code)
    before = list(progress)
    while progress[:3] == before[:3]:
        pass
finally:
    # Also on failure: the hammering threads must end, or the program hangs.
    stop.set()
    for t in threads:
        t.join()
print("ok", rounds)
