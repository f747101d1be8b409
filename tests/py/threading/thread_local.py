import threading
local = threading.local()
local.value = "main"
results = {}
def worker(i):
    print_before = hasattr(local, "value")
    local.value = i
    results[i] = (print_before, local.value)
ts = [threading.Thread(target=worker, args=(i,)) for i in range(5)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(results.items()), local.value)
class MyLocal(threading.local):
    def __init__(self):
        self.initialized = True
ml = MyLocal()
seen = []
def check():
    seen.append(ml.initialized)
t = threading.Thread(target=check); t.start(); t.join()
print(seen)
