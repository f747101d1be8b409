class Dyn:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
d = Dyn()
print(d.real, d.xyz, getattr(d, "nothing", "default"), hasattr(d, "nope"))
try:
    d.missing
except AttributeError as e:
    print(e)
class Logged:
    def __getattribute__(self, name):
        if name != "__dict__":
            print("lookup", name)
        return super().__getattribute__(name)
    def method(self): return "m"
l = Logged()
l.a = 1
print(l.a, l.method())
class Both:
    def __getattribute__(self, name):
        if name == "boom":
            raise AttributeError("boom")
        return object.__getattribute__(self, name)
    def __getattr__(self, name):
        return "fallback " + name
print(Both().boom, Both().other)
