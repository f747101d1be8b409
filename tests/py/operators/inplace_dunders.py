class Acc:
    def __init__(self): self.items = []
    def __iadd__(self, o):
        self.items.append(("iadd", o)); return self
    def __isub__(self, o):
        self.items.append(("isub", o)); return self
    def __imul__(self, o):
        self.items.append(("imul", o)); return self
    def __ior__(self, o):
        self.items.append(("ior", o)); return self
    def __imatmul__(self, o):
        self.items.append(("imatmul", o)); return self
a = Acc()
orig = a
a += 1; a -= 2; a *= 3; a |= 4; a @= 5
print(a.items, a is orig)
class OnlyAdd:
    def __init__(self, v): self.v = v
    def __add__(self, o): return OnlyAdd(self.v + o)
o = OnlyAdd(1)
before = o
o += 5
print(o.v, o is before)
class IaddNotImpl:
    def __iadd__(self, o): return NotImplemented
    def __add__(self, o): return "fell back to __add__"
x = IaddNotImpl()
x += 1
print(x)
class ReturnsOther:
    def __iadd__(self, o): return "replaced"
y = ReturnsOther()
y += 1
print(y)
t = (1,)
try:
    t[0] += 1
except TypeError as e:
    print(type(e).__name__, e)
l = ([1],)
try:
    l[0] += [2]
except TypeError as e:
    print(type(e).__name__)
print(l)
