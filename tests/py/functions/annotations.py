def f(a: int, b: "str" = "x", *args: float, c: bool = True, **kw: dict) -> list:
    return [a, b]
ann = f.__annotations__
for k in ann:
    print(k, ann[k] if isinstance(ann[k], str) else ann[k].__name__)
def g(x): pass
print(g.__annotations__)
def h(x: list[int]) -> dict[str, int]: pass
print(h.__annotations__["x"], h.__annotations__["return"])
print(f(1))
g.__annotations__["y"] = int
print(list(g.__annotations__))
