import heapq, bisect, random
r = random.Random(5)
h = []
for i in range(200): heapq.heappush(h, (r.randrange(50), i))
out = [heapq.heappop(h) for _ in range(200)]
print(out == sorted(out), out[:5])
a = [r.randrange(100) for _ in range(50)]
heapq.heapify(a); print(a[:10])
print(heapq.heapreplace(a, 42), heapq.heappushpop(a, -1), heapq.heappushpop(a, 1000), a[:6])
m = [r.randrange(100) for _ in range(20)]
heapq._heapify_max(m); print(m[:6], heapq._heappop_max(m), heapq._heapreplace_max(m, 7), m[:4])
print(heapq.nsmallest(3, [5, 1, 4, 1, 9]), heapq.nlargest(2, "hello"), list(heapq.merge([1, 4], [2, 3])))
for f, args in [(heapq.heappush, (1, 2)), (heapq.heappop, ([],)), (heapq.heappop, (None,)), (heapq.heapify, ((),)),
                (heapq.heapreplace, ([], 1)), (heapq.heappush, ([1, "a"], 2))]:
    try: print(f(*args))
    except Exception as e: print(f.__name__, type(e).__name__, e)
print(heapq.heappushpop([], 5))
class Evil:
    def __init__(self, h): self.h = h
    def __lt__(self, o): self.h.clear(); return True
hh = [1, 2, 3]
try: heapq.heappush(hh, Evil(hh))
except Exception as e: print(type(e).__name__, e)
s = [1, 2, 2, 2, 5, 8]
print(bisect.bisect_left(s, 2), bisect.bisect_right(s, 2), bisect.bisect(s, 9), bisect.bisect_left(s, 2, 2, 4), bisect.bisect_left(s, 2, hi=-1))
print(bisect.bisect_left([(1, 'a'), (3, 'b')], 2, key=lambda t: t[0]))
bisect.insort(s, 3); bisect.insort_left(s, 2); bisect.insort(s, (0,), key=lambda t: t[0]) if False else None; print(s)
t = [(1, 'x'), (5, 'y')]; bisect.insort_right(t, (3, 'z'), key=lambda p: p[0]); print(t)
for args, kw in [(([1], 1), {"lo": -1}), (([1], 1), {"hi": "x"}), (([1], 1), {"lo": 2**70}), (([1], 1), {"hi": 2**70}), (([1, 2], "a"), {}), ((5, 1), {})]:
    try: print(bisect.bisect_left(*args, **kw))
    except Exception as e: print(type(e).__name__, e)
class L(list):
    def insert(self, i, x): print("insert", i, x); super().insert(i, x)
l = L([1, 3]); bisect.insort(l, 2); print(l)
print(bisect.bisect_left((1, 3, 5), 4), bisect.bisect_right(range(10), 4.5), bisect.bisect([1, 2, 3], 2, 5))
try: bisect.bisect([1, 2, 3], 2, 0, 10)
except Exception as e: print(type(e).__name__, e)
