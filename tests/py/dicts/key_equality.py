class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o):
        print(f"eq {self.v} {o.v}")
        return self.v == o.v
d = {K(1): "one"}
print(d[K(1)])
class Collide:
    def __init__(self, v): self.v = v
    def __hash__(self): return 42
    def __eq__(self, o): return isinstance(o, Collide) and self.v == o.v
    def __repr__(self): return f"C{self.v}"
d = {Collide(i): i for i in range(20)}
print(len(d), d[Collide(7)], Collide(25) in d)
del d[Collide(3)]
print(list(d)[:5], len(d))
nan = float("nan")
d = {nan: 1}
print(d.get(nan), d.get(float("nan")), len({float("nan"): 1, float("nan"): 2}))
print({0: "int", 0.0: "float", False: "bool", -0.0: "neg"})
