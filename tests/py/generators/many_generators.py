gens = [(i * j for j in range(3)) for i in range(5)]
print([sum(g) for g in gens])
def counter(n):
    for i in range(n):
        yield i
active = [counter(3) for _ in range(4)]
out = []
while active:
    g = active.pop(0)
    try:
        out.append(next(g))
        active.append(g)
    except StopIteration:
        pass
print(out)
