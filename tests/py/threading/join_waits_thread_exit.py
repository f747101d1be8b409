# join() returns only once the thread has left the interpreter: what dies as
# the thread exits (its threading.local data) has been finalized by then.
import threading
import time

log = []
tls = threading.local()


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        time.sleep(0.05)
        log.append(self.name)


def work(i):
    tls.obj = Noisy("local-%d" % i)


for i in range(5):
    t = threading.Thread(target=work, args=(i,))
    t.start()
    t.join()
    print(i, log, t.is_alive())

ts = [threading.Thread(target=work, args=(i,)) for i in range(10, 14)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(log[5:]))

# Without a join: the interpreter's exit waits for the same moment.
last = threading.Thread(target=lambda: setattr(tls, "obj", Noisy("at-exit")))
last.start()


class Report:
    def __del__(self):
        print("main globals released; log ends with", log[-1])


report = Report()
