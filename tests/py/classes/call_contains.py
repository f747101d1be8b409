class Multiplier:
    def __init__(self, k): self.k = k
    def __call__(self, x): return x * self.k
triple = Multiplier(3)
print(triple(4), list(map(triple, [1, 2])))
class Range:
    def __init__(self, lo, hi): self.lo, self.hi = lo, hi
    def __contains__(self, x):
        print("contains", x)
        return self.lo <= x < self.hi
r = Range(0, 10)
print(5 in r, 10 in r, 3 not in r)
class ContainsTruthy:
    def __contains__(self, x): return "non-empty"
print(1 in ContainsTruthy())
class IterOnly:
    def __iter__(self): return iter([1, 2, 3])
print(2 in IterOnly(), 5 in IterOnly())
class GetItemOnly:
    def __getitem__(self, i):
        if i > 4:
            raise IndexError
        return i * 10
print(30 in GetItemOnly(), 35 in GetItemOnly())
try:
    1 in 5
except TypeError as e:
    print(type(e).__name__, e)
