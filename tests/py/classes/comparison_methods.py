import functools
class Version:
    def __init__(self, s): self.t = tuple(map(int, s.split(".")))
    def __lt__(self, o): return self.t < o.t
    def __eq__(self, o): return self.t == o.t
    def __repr__(self): return "V" + ".".join(map(str, self.t))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), min(vs))
print(Version("1.0") > Version("0.1"), Version("2") <= Version("2") if hasattr(Version, "__le__") and Version.__le__ is not object.__le__ else "no __le__")
try:
    Version("1") <= Version("2")
except TypeError as e:
    print(type(e).__name__, e)
@functools.total_ordering
class T(Version): pass
print(T("1") <= T("2"), T("3") >= T("2"), T("1") > T("1"))
class Reflect:
    def __gt__(self, o):
        return "reflected gt"
print(1 < Reflect())
