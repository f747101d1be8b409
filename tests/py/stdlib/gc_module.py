import gc
print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled(), isinstance(gc.collect(), int), len(gc.get_threshold()), type(gc.get_count()).__name__)
class Cycle:
    deleted = []
    def __init__(self, n): self.n = n
    def __del__(self): Cycle.deleted.append(self.n)
a, b = Cycle(1), Cycle(2)
a.other, b.other = b, a
del a, b
gc.collect()
print(sorted(Cycle.deleted))
c = Cycle(3)
del c
print(sorted(Cycle.deleted))
print(gc.is_tracked([]), gc.is_tracked(5))
