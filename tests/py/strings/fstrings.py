name, n, pi = "Ada", 42, 3.14159265
print(f"{name}", f"{name!r}", f"{name!s}", f"{name!a}", f"{'ü'!a}", f"{n:5}|", f"{n:<5}|", f"{pi:.3f}", f"{n:#x}")
print(f"{n=}", f"{pi=:.2f}", f"{name = }", f"{n + 1=}", f"{name!r:>10}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|", f"{name:{'*'}^{width}}", f"{n:{'>'}{width}}")
print(f"{{}}", f"{{{n}}}", f"{'}'}", f"{n}{n}", f"{3 * 'ab'}", f"{[1, 2][0]}", f"{ {'k': 1}['k'] }")
print(f"{'nested {}'.format(1)}", f"{f'{n}'}", f"{(lambda x: x * 2)(3)}", f"{n if n > 40 else 0}")
print(f"""{
    n
}""", f"{name}" f"{n}", rf"\{n}")
d = {"a": 1}
print(f"{d['a']}", f"{d}", f"{list(range(3))}", f"{None}", f"{True:d}")
try:
    f"{n:q}"
except ValueError as e:
    print(type(e).__name__, e)
class W:
    def __format__(self, spec): return f"W({spec})"
print(f"{W()}", f"{W():abc}", f"{W()!r:>3}"[:4])
