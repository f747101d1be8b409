# Native functions called from many Python threads at once.
import sys
import threading
import ft_demo

N, ITER, ADDS = 8, 2000, 5000
counter = ft_demo.counter_new()
shared = []
errors = []
barrier = threading.Barrier(N)

def worker(k):
    barrier.wait()
    for i in range(ITER):
        if ft_demo.add(i, k, scale=2) != (i + k) * 2:
            errors.append(('add', k, i))
        if ft_demo.greet(str(k), greeting='Hey') != f'Hey, {k}!':
            errors.append(('greet', k, i))
        if i % 100 == 0:
            ft_demo.call(shared.append, k)
            try:
                ft_demo.fail('ValueError', str(k))
            except ValueError as e:
                if str(e) != str(k):
                    errors.append(('fail', k, i))
    ft_demo.counter_add(counter, ADDS)

threads = [threading.Thread(target=worker, args=(k,)) for k in range(N)]
for th in threads:
    th.start()
for th in threads:
    th.join()
print('errors:', errors)
print('counter:', ft_demo.counter_get(counter), ft_demo.counter_get(counter) == N * ADDS)
print('appended:', len(shared) == N * (ITER // 100), sorted(set(shared)) == list(range(N)))
print('gil:', sys._is_gil_enabled())
