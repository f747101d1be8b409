class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Pt) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self): return hash((self.x, self.y))
print(Pt(1, 2) == Pt(1, 2), Pt(1, 2) != Pt(1, 3), Pt(1, 2) == (1, 2))
print(len({Pt(1, 2), Pt(1, 2), Pt(2, 1)}))
class EqOnly:
    def __eq__(self, o): return True
print(EqOnly.__hash__)
try:
    hash(EqOnly())
except TypeError as e:
    print(type(e).__name__, e)
class Default: pass
a = Default()
print(a == a, a == Default(), a != Default(), hash(a) == hash(a))
class NeOverride:
    def __eq__(self, o): return "eq-result"
print(NeOverride() != 1, NeOverride() == 1)
class InheritHash(Pt):
    pass
print(hash(InheritHash(1, 2)) == hash(Pt(1, 2)))
class ResetHash(Pt):
    def __eq__(self, o): return False
print(ResetHash.__hash__)
print(1 == 1.0, hash(1) == hash(1.0) == hash(True), {1: "a", 1.0: "b"})
