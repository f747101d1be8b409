# Programs written for ProcessPoolExecutor run unchanged: same API, results
# in order from map(), exceptions carried by futures, argument checks.
from concurrent.futures import ProcessPoolExecutor, as_completed
import concurrent.futures as cf
from concurrent.futures.process import BrokenProcessPool


def square(x):
    return x * x


def check(n):
    if n % 3 == 0:
        raise ValueError(f"multiple of three: {n}")
    return n


def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def main():
    with ProcessPoolExecutor(max_workers=3) as ex:
        print(list(ex.map(square, range(10))))
        print(list(ex.map(pow, [2, 3, 4], [5, 2, 0], chunksize=2)))
        nums = [1000003, 1000033, 999999, 7919 * 7907]
        for n, p in zip(nums, ex.map(is_prime, nums)):
            print(n, "prime" if p else "composite")
        futs = {ex.submit(check, n): n for n in range(1, 7)}
        out = []
        for f in as_completed(futs):
            e = f.exception()
            out.append((futs[f], repr(e) if e else f.result()))
        print(sorted(out))
    print(issubclass(BrokenProcessPool, cf.BrokenExecutor), cf.ProcessPoolExecutor is ProcessPoolExecutor)
    for bad in (lambda: ProcessPoolExecutor(0), lambda: ProcessPoolExecutor(-1),
                lambda: ProcessPoolExecutor(max_tasks_per_child=0),
                lambda: list(ProcessPoolExecutor(1).map(square, [1], chunksize=0))):
        try:
            bad()
        except ValueError as e:
            print("ValueError:", e)
    try:
        ex.submit(square, 2)
    except RuntimeError as e:
        print("RuntimeError:", e)


if __name__ == "__main__":
    main()
