s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1), slice(1, 2) == slice(1, 2))
print(s.indices(5), slice(None, None, -1).indices(4), slice(-3, None).indices(10), slice(-100, 100).indices(7))
l = list(range(10))
print(l[s], "abcdefghij"[s], tuple(l)[s], l[slice(None, None, -3)])
try:
    slice(0, 1, 0).indices(3)
except ValueError as e:
    print(type(e).__name__, e)
class Spy:
    def __getitem__(self, k): return k
sp = Spy()
print(sp[1:2], sp[::], sp[1:2, 3], sp[..., 1:], sp[:"a"])
