class Gen:
    def __init__(self, n): self.i, self.n = 0, n
    def __iter__(self): return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i
print(list(Gen(4)))
g = Gen(2)
print(next(g), next(g), next(g, "end"))
def gen():
    yield from Gen(3)
print(list(gen()))
it = iter(gen())
print(type(it).__name__, hasattr(it, "__next__"), hasattr(it, "send"))
print(list(zip(gen(), "abc")))
a, b, c = gen()
print(a, b, c)
print(*gen())
