from operator import itemgetter, attrgetter, methodcaller
rows = [{"n": "b", "a": 2}, {"n": "a", "a": 2}, {"n": "c", "a": 1}]
print([r["n"] for r in sorted(rows, key=itemgetter("a", "n"))])
class P:
    def __init__(self, name, age): self.name, self.age = name, age
    def __repr__(self): return self.name
ps = [P("x", 3), P("y", 1), P("z", 2)]
print(sorted(ps, key=attrgetter("age")), max(ps, key=attrgetter("age")), list(map(methodcaller("upper"), ["a", "b"])))
print(itemgetter(slice(1, 3))("abcd"), attrgetter("real", "imag")(3 + 4j))
