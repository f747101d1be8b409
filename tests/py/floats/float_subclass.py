class Temp(float):
    def __new__(cls, v, unit="C"):
        o = super().__new__(cls, v)
        o.unit = unit
        return o
    def __repr__(self): return f"{float(self)}°{self.unit}"
t = Temp(21.5)
print(t, t + 1, type(t + 1).__name__, t.unit, t * 2, t == 21.5, str(t))
print(Temp("3.5"), isinstance(t, float), round(Temp(2.567), 1))
class Safe(float):
    def __truediv__(self, o):
        return Safe(0.0) if o == 0 else Safe(float(self) / o)
print(Safe(1) / 0, Safe(1) / 4)
