# heapq and bisect argument errors as CPython 3.11's C modules report them;
# bisect's hi=-1 means len(a); min()/max() of nothing use 3.11's wording.
import heapq, bisect
for f, a in [(heapq.heappush, (None, 1)), (heapq.heappop, (None,)), (heapq.heapreplace, ((), 1)), (heapq.heappushpop, ('x', 1)), (heapq.heapify, ([1],)), (heapq.heapify, (3,)), (heapq.heappop, ([],)), (heapq.heapreplace, ([], 1))]:
    try: print(f(*a))
    except Exception as e: print(type(e).__name__, e)
for a in [dict(hi=-1), dict(hi=-2), dict(lo=-1), dict(hi=None), dict(lo=5), dict(hi=1.5), dict(lo=1.5), dict(lo=True), dict(hi=2, lo=1), dict(lo='a')]:
    try: print(bisect.bisect_right([1, 2, 3], 2, **a), bisect.bisect_left([1, 2, 3], 2, **a))
    except Exception as e: print(type(e).__name__, e)
a = [1, 3]; bisect.insort(a, 2, hi=-1); print(a)
for f in (min, max):
    for args in [([],), (iter(()),), ((), )]:
        try:
            print(f(*args))
        except ValueError as e:
            print('ValueError', e)
    print(f([], default='d'), f([3, 1, 2], key=lambda v: -v))
