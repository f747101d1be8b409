for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (2 ** 80, 3), (-2 ** 80, 7)]:
    q, r = divmod(a, b)
    print(a, b, q, r, q * b + r == a)
for a, b in [(7.5, 2), (-7.5, 2), (1e300, 1e-300) if False else (1.0, 0.3)]:
    print(divmod(a, b))
class D:
    def __divmod__(self, o): return ("divmod", o)
    def __rdivmod__(self, o): return ("rdivmod", o)
print(divmod(D(), 1), divmod(1, D()))
try:
    divmod("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
