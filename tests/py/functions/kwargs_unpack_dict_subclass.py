# f(**m) reads a dict (sub)class that keeps dict.__iter__ directly, stored
# values included; otherwise it goes through keys() and m[key] (CPython rule).
class D(dict):
    def keys(self): return ['a']
    def __getitem__(self, k): return 'custom-' + k
    def __iter__(self): return iter(['a'])
d = D(a=1, b=2)
print({**d})
def f(**kw): return kw
print(f(**d))
class G(dict):
    def __getitem__(self, k): return 'g'
    def keys(self): return ['zz']
print(f(**G(a=1)), {**G(a=1)}, dict(G(a=1)))
try: f(**{'a':1}, **G(a=2))
except TypeError as e: print(e)
try: f(**{1: 2})
except TypeError as e: print(e)
try: f(**[1])
except TypeError as e: print(e)
