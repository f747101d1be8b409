class C:
    a = 1
    def m(self): pass
c = C()
c.b = 2
print(vars(c), sorted(n for n in dir(c) if not n.startswith("__")))
print("a" in vars(C), "m" in vars(C), sorted(n for n in dir(C) if not n.startswith("_")))
def f():
    local_x = 1
    return sorted(dir())
print(f())
class Custom:
    def __dir__(self): return ["z", "a", "m"]
print(dir(Custom()))
import math
print("sqrt" in dir(math), "pi" in vars(math))
