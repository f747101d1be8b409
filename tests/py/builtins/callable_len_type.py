class A:
    def __call__(self): pass
class B: pass
print(callable(A()), callable(B()), callable(B), callable(len), callable(lambda: 0), callable(5), callable("s"))
print(len("abc"), len([1, 2]), len({}), len(range(10)), len(b"xy"), len({1: 2}), len(set()), len((1,)))
try:
    len()
except TypeError as e:
    print(type(e).__name__)
print(type(1), type("a"), type(None), type(type), type(len), type([].append).__name__, type(A()).__name__)
print(type(1) is int, type(True) is bool, type(True) == int)
