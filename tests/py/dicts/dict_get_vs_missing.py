class D(dict):
    def __missing__(self, k):
        return f"<{k}>"
d = D(a=1)
print(d["a"], d["b"], d.get("b"), "b" in d, len(d))
class Counting(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) * 2
c = Counting(x=5)
print(c["x"], c.get("x"), dict(c), list(c.values()))
class Lower(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.lower(), v)
l = Lower()
l["ABC"] = 1
l.update({"DEF": 2})
print(l)
