from concurrent.futures import ThreadPoolExecutor, as_completed, wait
def square(x):
    return x * x
with ThreadPoolExecutor(max_workers=4) as ex:
    print(list(ex.map(square, range(10))))
    futs = [ex.submit(square, i) for i in range(5)]
    print(sorted(f.result() for f in as_completed(futs)))
    f = ex.submit(pow, 2, 10)
    print(f.result(), f.done(), f.exception())
    bad = ex.submit(lambda: 1 / 0)
    try:
        bad.result()
    except ZeroDivisionError as e:
        print("result raised", type(e).__name__)
    print(type(bad.exception()).__name__)
    done, not_done = wait([ex.submit(square, 3)])
    print(len(done), len(not_done))
    print(list(ex.map(lambda a, b: a + b, [1, 2], [10, 20])))
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print(type(e).__name__, e)
