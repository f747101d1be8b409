class Celsius:
    def __init__(self, v): self.v = v
    def __float__(self): return float(self.v)
    def __int__(self): return int(self.v)
    def __round__(self, n=None): return ("round", n)
    def __trunc__(self): return "trunc"
    def __floor__(self): return "floor"
    def __ceil__(self): return "ceil"
import math
c = Celsius(3.7)
print(float(c), int(c), round(c), round(c, 1), math.trunc(c), math.floor(c), math.ceil(c))
print(math.sqrt(Celsius(9)), math.isnan(Celsius(1.0)))
class BadFloat:
    def __float__(self): return 1
try:
    float(BadFloat())
except TypeError as e:
    print(type(e).__name__, e)
