class Countdown:
    def __init__(self, n): self.n = n
    def __iter__(self): return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
class Reusable:
    def __init__(self, data): self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reusable("ab")
print(list(r), list(r))
class BadIter:
    def __iter__(self): return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
class NoIter: pass
try:
    for x in NoIter(): pass
except TypeError as e:
    print(type(e).__name__, e)
class IterNone:
    __iter__ = None
try:
    iter(IterNone())
except TypeError as e:
    print(type(e).__name__, e)
it = iter(Countdown(2))
print(next(it), next(it), next(it, "stop"))
