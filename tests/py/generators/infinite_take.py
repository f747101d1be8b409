def naturals(start=0):
    n = start
    while True:
        yield n
        n += 1
def take(n, it):
    out = []
    for x in it:
        if len(out) >= n:
            break
        out.append(x)
    return out
def islice(it, start, stop, step=1):
    for i, x in enumerate(it):
        if i >= stop:
            return
        if i >= start and (i - start) % step == 0:
            yield x
def filt(pred, it):
    for x in it:
        if pred(x):
            yield x
def mapg(fn, it):
    for x in it:
        yield fn(x)
print(take(5, naturals(10)))
print(list(islice(naturals(), 3, 20, 4)))
def primes():
    n = 2
    found = []
    while True:
        if all(n % p for p in found):
            found.append(n)
            yield n
        n += 1
print(take(12, primes()))
print(take(5, mapg(lambda x: x * x, filt(lambda x: x % 3 == 0, naturals(1)))))
def cycle(seq):
    while True:
        yield from seq
print(take(7, cycle("ab")))
