class Flags(int):
    def __new__(cls, v, label="?"):
        obj = super().__new__(cls, v)
        obj.label = label
        return obj
    def __repr__(self):
        return f"Flags({int(self)}, {self.label!r})"
f = Flags(5, "five")
print(f, f + 1, type(f + 1).__name__, f * 2, f == 5, hash(f) == hash(5))
print(isinstance(f, int), int(f), type(int(f)).__name__, f.label)
print(sorted([Flags(3), 1, Flags(2)]))
class Meters(int):
    def __add__(self, o): return Meters(int(self) + int(o))
    def __str__(self): return f"{int(self)}m"
print(Meters(3) + 4, str(Meters(3) + Meters(1)), 4 + Meters(3))
print(Flags(7).bit_length(), Flags(255).to_bytes(1, "big"))
