print(abs(-5), abs(5.5), abs(-0.0), abs(3 + 4j), abs(True), abs(-10 ** 30))
print(round(3.14159, 2), round(2.5), round(-0.5), round(7, -1), round(15, -1), round(25, -1), round(1.5), round(-1.5))
print(divmod(7, 2), divmod(-7, 2), divmod(7.5, 2), divmod(-7, -2))
class R:
    def __round__(self, n=None): return f"rounded {n}"
    def __abs__(self): return "absolute"
print(round(R()), round(R(), 3), abs(R()))
try:
    round("x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)
