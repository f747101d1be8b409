# list()/tuple()/sorted()/[*x]/list.extend call a user __len__ to size the
# result (after __iter__), as CPython does; its non-TypeError errors propagate.
class Sized:
    def __iter__(self): print("iter"); return iter([1, 2])
    def __len__(self): print("len"); return 2
print(list(Sized()))
print(tuple(Sized()))
print(sorted(Sized()))
class Neg:
    def __iter__(self): return iter([1])
    def __len__(self): return -5
for f in (list, tuple, sorted):
    try: print(f(Neg()))
    except ValueError as e: print(type(e).__name__, e)
class LenTypeErr:
    def __iter__(self): return iter([3])
    def __len__(self): raise TypeError("no len really")
print(list(LenTypeErr()))
class LenKeyErr:
    def __iter__(self): return iter([3])
    def __len__(self): raise KeyError("len")
try: list(LenKeyErr())
except KeyError as e: print("KeyError", e)
l = [0]; l.extend(Sized()); print(l)
print([*Sized()])
