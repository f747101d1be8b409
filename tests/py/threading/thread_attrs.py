# threading.Thread attributes and the module-level thread registry.
import threading

main = threading.main_thread()
print(main.name, main is threading.current_thread(), main.daemon, main.is_alive())
print(isinstance(main.ident, int), main.ident == threading.get_ident())
print(isinstance(main.native_id, int), main.native_id == threading.get_native_id())

def f(a, b=0):
    out.append((threading.current_thread().name, a, b))

out = []
t = threading.Thread(target=f, args=(1,), kwargs={"b": 2})
print(t.name.endswith("(f)"), t.name.startswith("Thread-"))
print(t.ident, t.native_id, t.is_alive(), t.daemon)
print(repr(t).endswith(", initial)>"))
t.start()
t.join()
print(out[0][0] == t.name, out[0][1:], t.is_alive())
print(isinstance(t.ident, int), isinstance(t.native_id, int))
print(repr(t).endswith(", stopped " + str(t.ident) + ")>"))

named = threading.Thread(target=f, args=(5,), name="custom", daemon=True)
print(named.name, named.daemon)
named.start(); named.join()
print(out[-1])
named.name = "renamed"
print(named.name)

# A subclass that overrides run(); daemon inherits from the creating thread.
class Worker(threading.Thread):
    def __init__(self, n):
        super().__init__(name="worker-%d" % n)
        self.n = n
        self.result = None
    def run(self):
        self.result = self.n * self.n
        inner = threading.Thread(target=lambda: None)
        self.inner_daemon = inner.daemon
ws = [Worker(i) for i in range(4)]
for w in ws: w.start()
for w in ws: w.join()
print([w.result for w in ws], [w.name for w in ws])
d = Worker(9)
d.daemon = True
d.start(); d.join()
print("inner daemon inherits:", d.inner_daemon, ws[0].inner_daemon)

# enumerate / active_count while threads are blocked on an Event.
ev = threading.Event()
ready = threading.Semaphore(0)
def waiter():
    ready.release()
    ev.wait()
pool = [threading.Thread(target=waiter, name="w%d" % i) for i in range(3)]
base = threading.active_count()
for p in pool: p.start()
for p in pool: ready.acquire()
print(threading.active_count() - base)
names = sorted(x.name for x in threading.enumerate() if x.name.startswith("w"))
print(names, main in threading.enumerate())
print(all(p.is_alive() for p in pool))
ev.set()
for p in pool: p.join()
print(threading.active_count() - base, any(p.is_alive() for p in pool))

# current_thread() inside a thread is the Thread object itself.
box = []
t = threading.Thread(target=lambda: box.append(threading.current_thread()))
t.start(); t.join()
print(box[0] is t)

# target=None does nothing; run() may be called directly.
threading.Thread().run()
t = threading.Thread(target=f, args=("direct",))
t.run()
print(out[-1][1], t.ident)

# settrace / setprofile are accepted and get*() returns what was set.
def tracer(frame, event, arg):
    return None
threading.settrace(tracer)
print(threading.gettrace() is tracer)
threading.settrace(None)
threading.setprofile(None)
print(threading.getprofile())

# Names given by the default template increase.
a = threading.Thread(); b = threading.Thread()
na = int(a.name.split("-")[1]); nb = int(b.name.split("-")[1])
print(nb == na + 1)
print(threading.TIMEOUT_MAX > 0, threading.ThreadError is RuntimeError)
print(isinstance(threading.get_ident(), int))
print(threading.Thread.__name__, threading.Timer.__mro__[1] is threading.Thread)
