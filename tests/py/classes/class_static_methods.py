class Date:
    def __init__(self, y, m, d):
        self.y, self.m, self.d = y, m, d
    @classmethod
    def from_string(cls, s):
        return cls(*map(int, s.split("-")))
    @staticmethod
    def is_leap(y):
        return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.y}, {self.m}, {self.d})"
class MyDate(Date): pass
print(Date.from_string("2024-02-29"), MyDate.from_string("1999-12-31"))
print([y for y in (1900, 2000, 2023, 2024) if Date.is_leap(y)])
d = Date(1, 2, 3)
print(d.is_leap(4), d.from_string("5-6-7"))
print(isinstance(Date.__dict__["is_leap"], staticmethod), isinstance(Date.__dict__["from_string"], classmethod))
print(callable(Date.__dict__["is_leap"]))
