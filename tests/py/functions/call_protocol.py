class Adder:
    def __init__(self, n): self.n = n
    def __call__(self, x, *, scale=1): return (x + self.n) * scale
a = Adder(3)
print(a(4), a(4, scale=10), callable(a))
class NotCallable: pass
try:
    NotCallable()()
except TypeError as e:
    print(e)
try:
    n = 5
    n()
except TypeError as e:
    print(e)
try:
    s = "s"
    s()
except TypeError as e:
    print(e)
class Meta(type):
    def __call__(cls, *a):
        print("meta call", cls.__name__, a)
        return super().__call__(*a)
class W(metaclass=Meta):
    def __init__(self, *a): self.a = a
print(W(1, 2).a)
bound = [1, 2].append
bound(3)
print(bound.__self__)
print(callable(print), callable(len), callable(1))
