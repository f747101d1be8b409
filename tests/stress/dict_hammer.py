# Threads insert, overwrite and delete disjoint and shared keys of one dict.
import _thread

N, ITERS = 6, 3000
d = {}

def work(k):
    for i in range(ITERS):
        d[(k, i)] = i
        d["shared"] = k
        if i % 3 == 0:
            del d[(k, i)]
        d.get("shared")
        len(d)

hs = [_thread.start_joinable_thread(lambda k=k: work(k)) for k in range(N)]
for h in hs:
    h.join()
expected = N * ITERS - N * len(range(0, ITERS, 3)) + 1
assert len(d) == expected, (len(d), expected)
assert d["shared"] in range(N)
print("ok", len(d))
