# Annotated assignments.
x: int = 5
y: str
print(x)
print("y" in globals())
print(__annotations__["x"] is int, __annotations__["y"] is str)
def f():
    z: int = 3
    w: list
    return z
print(f())
class P:
    a: int = 1
    b: "str"
    def __init__(self):
        self.c: float = 2.5
print(P.a, sorted(P.__annotations__))
print(P().c)
d = {}
d["k"]: int = 7
print(d)
class Q: pass
q = Q()
q.attr: int = 9
print(q.attr)
