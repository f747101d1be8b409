lines = ["# comment", "alpha 1", "", "beta 22", "gamma 333", "  # indented comment", "delta 4"]
def strip(ls):
    for l in ls:
        yield l.strip()
def nonblank(ls):
    for l in ls:
        if l and not l.startswith("#"):
            yield l
def parse(ls):
    for l in ls:
        name, num = l.split()
        yield name, int(num)
log = []
def tap(it, tag):
    for x in it:
        log.append((tag, x))
        yield x
result = list(parse(tap(nonblank(strip(lines)), "nb")))
print(result)
print(log[:2])
print(sum(n for _, n in result))
