from concurrent.futures import ThreadPoolExecutor
def maybe_fail(i):
    if i == 3:
        raise ValueError(f"item {i}")
    return i
with ThreadPoolExecutor(2) as ex:
    it = ex.map(maybe_fail, range(6))
    got = []
    try:
        for v in it:
            got.append(v)
    except ValueError as e:
        print("map raised", e, "after", got)
    futs = {ex.submit(maybe_fail, i): i for i in range(5)}
    res = {}
    for f, i in futs.items():
        res[i] = "error" if f.exception() else f.result()
print(res)
