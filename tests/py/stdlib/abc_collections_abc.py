from abc import ABC, abstractmethod
from collections.abc import Sequence, Mapping, MutableMapping, Iterator
class MySeq(Sequence):
    def __init__(self, data): self.data = data
    def __getitem__(self, i): return self.data[i]
    def __len__(self): return len(self.data)
s = MySeq([3, 1, 4, 1])
print(list(s), s.index(4), s.count(1), 4 in s, list(reversed(s)), isinstance(s, Sequence))
class MyMap(MutableMapping):
    def __init__(self): self.d = {}
    def __getitem__(self, k): return self.d[k]
    def __setitem__(self, k, v): self.d[k] = v
    def __delitem__(self, k): del self.d[k]
    def __iter__(self): return iter(self.d)
    def __len__(self): return len(self.d)
m = MyMap()
m["a"] = 1; m.update(b=2); m.setdefault("c", 3)
print(dict(m), m.get("z", 0), m.pop("a"), sorted(m.keys()), list(m.items()), "b" in m)
class Countdown(Iterator):
    def __init__(self, n): self.n = n
    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), iter(Countdown(1)).__class__.__name__)
try:
    class Incomplete(Sequence):
        pass
    Incomplete()
except TypeError as e:
    print(type(e).__name__)
