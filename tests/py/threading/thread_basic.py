import threading
results = {}
def work(n):
    results[n] = sum(range(n * 1000))
threads = [threading.Thread(target=work, args=(i,), name=f"w{i}") for i in range(8)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))
print([t.name for t in threads], [t.is_alive() for t in threads][:2])
t = threading.Thread(target=lambda: None, name="custom")
print(t.name, t.daemon, t.ident is None, t.is_alive())
t.start(); t.join()
print(t.ident is not None, t.is_alive(), threading.current_thread().name, threading.main_thread() is threading.current_thread())
class MyThread(threading.Thread):
    def __init__(self, v):
        super().__init__(name="sub")
        self.v = v
        self.out = None
    def run(self):
        self.out = self.v * 2
m = MyThread(21)
m.start(); m.join()
print(m.out, threading.active_count() >= 1)
