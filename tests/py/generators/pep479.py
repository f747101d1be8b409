def bad():
    yield 1
    raise StopIteration("inner")
try:
    list(bad())
except RuntimeError as e:
    print(type(e).__name__, e)
    print(type(e.__cause__).__name__, e.__cause__)
def next_leak():
    it = iter([])
    yield next(it)
try:
    for _ in next_leak():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
def ok():
    it = iter([1])
    while True:
        try:
            yield next(it)
        except StopIteration:
            return
print(list(ok()))
def ret():
    yield 1
    return 5
def uses():
    v = yield from ret()
    yield v
print(list(uses()))
