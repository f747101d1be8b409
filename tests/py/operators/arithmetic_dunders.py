class Rec:
    def __init__(self, name): self.name = name
    def _op(opname):
        def f(self, other):
            return f"{self.name}.{opname}({other!r})"
        return f
    for _n in ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor", "matmul", "divmod"]:
        locals()[f"__{_n}__"] = _op(_n)
        locals()[f"__r{_n}__"] = _op("r" + _n)
    del _n
r = Rec("r")
print(r + 1); print(1 + r)
print(r - 1); print(1 - r)
print(r * 1); print(1 * r)
print(r / 1); print(1 / r)
print(r // 1); print(1 // r)
print(r % 1); print(1 % r)
print(r ** 1); print(1 ** r)
print(r << 1); print(1 << r)
print(r >> 1); print(1 >> r)
print(r & 1); print(1 & r)
print(r | 1); print(1 | r)
print(r ^ 1); print(1 ^ r)
print(r @ 1); print(1 @ r)
print(divmod(r, 1)); print(divmod(1, r))
print(pow(r, 2))
