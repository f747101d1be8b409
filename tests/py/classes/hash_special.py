class H:
    def __init__(self, h): self.h = h
    def __hash__(self): return self.h
    def __eq__(self, o): return isinstance(o, H) and self.h == o.h
print(hash(H(5)), hash(H(-1)), hash(H(2 ** 100)) == hash(2 ** 100))
class BadHash:
    def __hash__(self): return "x"
try:
    hash(BadHash())
except TypeError as e:
    print(type(e).__name__, e)
class NoHash:
    __hash__ = None
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
try:
    {NoHash()}
except TypeError as e:
    print(type(e).__name__)
print(hash(H(7)) == hash(7))
d = {H(1): "one"}
print(d[H(1)], H(1) in d, H(2) in d)
