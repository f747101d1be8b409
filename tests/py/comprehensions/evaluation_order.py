log = []
def src(tag, items):
    log.append("src " + tag)
    return items
def cond(x):
    log.append(f"cond {x}")
    return x % 2 == 0
r = [x for x in src("outer", [1, 2, 3]) if cond(x)]
print(r, log)
log.clear()
r = [(x, y) for x in src("a", [1, 2]) for y in src("b", [3])]
print(r, log)
log.clear()
d = {log.append(f"k{k}") or k: log.append(f"v{k}") or k for k in range(2)}
print(d, log)
