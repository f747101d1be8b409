class A:
    def __bool__(self): return True
class B:
    def __len__(self): return 0
class C: pass
print(bool(A()), bool(B()), bool(C()))
print([x for x in [0, 1, "", "a", (), (0,), {}, {0: 0}, set(), 0.0, 0j, None] if x])
print(not A(), not B(), A() and "yes", B() or "no")
print("t" if A() else "f", "t" if B() else "f")
print(bool.__new__(bool, 5), bool(-0.0), bool(float("nan")), bool(range(0)), bool(range(1)))
class Raise:
    def __bool__(self): raise ValueError("no truth")
try:
    if Raise():
        pass
except ValueError as e:
    print(type(e).__name__, e)
