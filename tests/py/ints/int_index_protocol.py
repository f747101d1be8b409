class I:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print([10, 20, 30][I(1)], "abcdef"[I(1):I(4)], range(I(3)))
print(hex(I(255)), bin(I(5)), oct(I(8)))
print(int(I(5)), operator_index := __import__("operator").index(I(6)))
print((1).__mul__(I(3)) , [1, 2] * I(2))
class BadIndex:
    def __index__(self): return "x"
try:
    [1, 2][BadIndex()]
except TypeError as e:
    print(type(e).__name__, e)
try:
    idx = 1.0
    [1][idx]
except TypeError as e:
    print(type(e).__name__, e)
try:
    key = "a"
    "abc"[key]
except TypeError as e:
    print(type(e).__name__, e)
