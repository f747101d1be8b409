import threading
N = 200000
chunks = 8
partials = [0] * chunks
def part(k):
    s = 0
    for i in range(k, N, chunks):
        s += i * i
    partials[k] = s
ts = [threading.Thread(target=part, args=(k,)) for k in range(chunks)]
for t in ts: t.start()
for t in ts: t.join()
print(sum(partials), sum(i * i for i in range(N)))
