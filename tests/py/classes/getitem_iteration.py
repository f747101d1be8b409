class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return chr(ord("a") + i)
print(list(Seq()), "".join(Seq()))
for i, c in enumerate(Seq()):
    print(i, c)
it = iter(Seq())
print(type(it).__name__, next(it))
print(sorted(Seq(), reverse=True))
class Squares:
    def __len__(self): return 5
    def __getitem__(self, i):
        if not 0 <= i < 5:
            raise IndexError
        return i * i
print(list(reversed(Squares())), len(Squares()))
class KeyErrorSeq:
    def __getitem__(self, i):
        raise KeyError(i)
try:
    list(KeyErrorSeq())
except KeyError as e:
    print("KeyError propagates", e)
class StopSeq:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopSeq()))
