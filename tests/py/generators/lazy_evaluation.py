log = []
def src():
    for i in range(5):
        log.append(f"produce {i}")
        yield i
def sq(it):
    for x in it:
        log.append(f"square {x}")
        yield x * x
p = sq(src())
log.append("created")
print(next(p), next(p))
print(log)
log.clear()
for v in sq(src()):
    if v > 3:
        break
print(log)
r = range(10 ** 18)
g = (x for x in r if x % 1000003 == 0)
print(next(g), next(g))
