import threading
lst = []
d = {}
s = set()
def worker(k):
    for i in range(2000):
        lst.append((k, i))
        d[(k, i)] = i
        s.add(k * 10000 + i)
ts = [threading.Thread(target=worker, args=(k,)) for k in range(6)]
for t in ts: t.start()
for t in ts: t.join()
print(len(lst), len(d), len(s), sorted(lst) == sorted((k, i) for k in range(6) for i in range(2000)))
shared = list(range(10000))
popped = []
plock = threading.Lock()
def popper():
    local = []
    while True:
        try:
            local.append(shared.pop())
        except IndexError:
            break
    with plock:
        popped.extend(local)
ts = [threading.Thread(target=popper) for _ in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(len(popped), sorted(popped) == list(range(10000)), shared)
