class L:
    def __init__(self, n): self.n = n
    def __lt__(self, o):
        print(f"L{self.n}.__lt__")
        return NotImplemented
    def __gt__(self, o):
        print(f"L{self.n}.__gt__")
        return NotImplemented
    def __eq__(self, o):
        print(f"L{self.n}.__eq__")
        return NotImplemented
try:
    L(1) < L(2)
except TypeError as e:
    print(e)
print(L(1) == L(2))
print(L(1) != L(1))
x = L(3)
print(x == x)
class G:
    def __ge__(self, o): return "G.__ge__"
print(5 <= G())
