import heapq, bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(3)], len(h))
data = [9, 4, 7, 1, 8]
heapq.heapify(data)
print(data[0], heapq.nsmallest(2, [5, 1, 4]), heapq.nlargest(2, [5, 1, 4]), heapq.nlargest(2, ["aa", "b", "ccc"], key=len))
print(heapq.heappushpop([1, 5], 3), heapq.heapreplace([1, 5], 3), list(heapq.merge([1, 4], [2, 3], [0])))
tasks = []
for prio, name in [(3, "low"), (1, "urgent"), (2, "mid"), (1, "also urgent")]:
    heapq.heappush(tasks, (prio, name))
print([heapq.heappop(tasks)[1] for _ in range(4)])
a = [1, 3, 3, 5, 7]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 4), bisect.bisect_left(a, 0), bisect.bisect_right(a, 99))
bisect.insort(a, 4); bisect.insort_left(a, 3)
print(a, bisect.bisect_left(a, 5, lo=5), bisect.bisect_left([("a", 1), ("c", 3)], "b", key=lambda t: t[0]))
def grade(score):
    return "FDCBA"[bisect.bisect([60, 70, 80, 90], score)]
print([grade(s) for s in [33, 60, 75, 89, 90, 100]])
