# ftpy demo: the same CPU-bound work on 1 and on several threads, and whether
# the GIL is on. Run with `make run` (or build/ftpy examples/demo.py).
import sys
import threading
import time


def work(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def timed(threads, n):
    results = [0] * threads

    def run(k):
        results[k] = work(n)

    ts = [threading.Thread(target=run, args=(k,)) for k in range(threads)]
    start = time.perf_counter()
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    elapsed = time.perf_counter() - start
    assert all(r == results[0] for r in results)
    return elapsed


def main():
    print(sys.version)
    print("GIL enabled:", sys._is_gil_enabled())
    n = 2_000_000
    t1 = timed(1, n)
    t2 = timed(2, n)
    print(f"1 thread : {t1:.3f} s for {n} iterations")
    print(f"2 threads: {t2:.3f} s for {2 * n} iterations")
    print(f"weak-scaling efficiency at 2 threads: {t1 / t2:.2f} (1.0 = perfect, 0.5 = serial)")


main()
