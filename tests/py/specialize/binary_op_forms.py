# BINARY_OP's specialised forms and their fallbacks: each function is one
# instruction site, called enough times to specialise, then with operands
# that must miss (subclasses, overflow, other types, zero divisors).

def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def floordiv(a, b): return a // b
def mod(a, b): return a % b
def truediv(a, b): return a / b
def bits(a, b): return (a & b, a | b, a ^ b, a >> b)
def iadd(a, b):
    a += b
    return a

class MyInt(int):
    def __add__(self, other): return ("MyInt.__add__", int(self), other)
    def __radd__(self, other): return ("MyInt.__radd__", other, int(self))
    def __sub__(self, other): return "MyInt.__sub__"
    def __mul__(self, other): return "MyInt.__mul__"
    def __floordiv__(self, other): return "MyInt.__floordiv__"
    def __truediv__(self, other): return "MyInt.__truediv__"

class MyFloat(float):
    def __add__(self, other): return "MyFloat.__add__"
    def __rmul__(self, other): return "MyFloat.__rmul__"
    def __truediv__(self, other): return "MyFloat.__truediv__"

class MyStr(str):
    def __add__(self, other): return "MyStr.__add__"

def warm(f, *args):
    for _ in range(100):
        f(*args)

# A site that sees ints, then floats, then a subclass, then ints again.
warm(add, 3, 4)
print(add(3, 4), add(-5, 2), add(2**62 - 1, 1), add(-2**62, -1), add(2**62 - 1, 2**62 - 1))
print(add(1.5, 2.25), add(1, 0.5), add(0.5, 1), add(2**53 + 1, 0.0), add(-2**53 - 1, 0.0))
print(add(MyInt(1), 2), add(2, MyInt(1)), add(MyInt(1), MyInt(2)))
print(add(True, True), add(True, 1), add(1, False))
for i in range(50):
    r = add(1.0, float(i))
print(r, add(1, 2), add("ab", "cd"), add([1], [2]), add((1,), (2,)))
print(add(MyFloat(1.0), 2.0), add(MyStr("a"), "b"), add("a", MyStr("b")))
print(add(0.1, 0.2), add(-0.0, -0.0), add(-0.0, 0), add(0, -0.0), add(float("inf"), float("-inf")))
print(add(2**100, 1), add(1, 2**100), add(10**30, 10**30))

warm(sub, 10, 3)
print(sub(10, 3), sub(-2**62, 1), sub(2**62 - 1, -1), sub(MyInt(1), 1), sub(1.5, 1), sub(1, 1.5))
warm(mul, 6, 7)
print(mul(6, 7), mul(2**31, 2**31), mul(2**40, 2**40), mul(-2**62, 1), mul(-2**62, -1), mul(-1, -2**62))
print(mul(3, 0.1), mul(0.1, 3), mul(MyInt(2), 3), mul(2, MyFloat(1.0)), mul("ab", 3), mul(3, [0]))
print(mul(2**53 + 1, 1.0), mul(1.0, 2**53 + 1), mul(-(2**53), 1.0))

warm(floordiv, 7, 2)
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5), (6, 3), (-6, 3), (-2**62, -1), (-2**62, 1),
             (2**62 - 1, -1), (1, 2**62 - 1), (-1, 2**62 - 1)]:
    print("floordiv", a, b, floordiv(a, b), mod(a, b), divmod(a, b))
warm(mod, 7, 3)
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, -3), (9, 3), (-9, 3), (2**62 - 1, 2), (-2**62, 3)]:
    print("mod", a, b, mod(a, b))
for f in (floordiv, mod, truediv):
    try:
        f(1, 0)
    except ZeroDivisionError as e:
        print(f.__name__, "ZeroDivisionError")  # the messages differ across versions
    try:
        f(1.0, 0.0)
    except ZeroDivisionError as e:
        print(f.__name__, "ZeroDivisionError")
print(floordiv(7.5, 2), mod(7.5, 2), mod(-7.5, 2), floordiv(MyInt(5), 2))

warm(truediv, 1, 3)
print(truediv(1, 3), truediv(10, 4), truediv(-7, 2), truediv(2**53, 3), truediv(2**53 + 1, 3), truediv(3, 2**53 + 1))
print(truediv(1.0, 3), truediv(1, 3.0), truediv(2.5, 0.5), truediv(MyInt(1), 2), truediv(MyFloat(1), 2))
print(truediv(10**20, 7), truediv(-(2**62), 3), truediv(1, -0.0 + 1e-300))
try:
    truediv(1.0, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError")

warm(bits, 12, 2)
print(bits(12, 2), bits(-12, 2), bits(12, 70), bits(-12, 70), bits(-1, 0), bits(2**62 - 1, 62))
try:
    bits(1, -1)
except ValueError as e:
    print("ValueError", e)
print(bits(True, 1), bits(2**70, 3))

warm(iadd, 1, 2)
print(iadd(1, 2), iadd(1.5, 2), iadd("x", "y"), iadd([1], [2]), iadd(2**62 - 1, 1))

# Strings: concatenation of any kinds.
warm(add, "a", "b")
print(add("", "x"), add("x", ""), add("é", "ab"), add("ab", "€"), add("😀", "é"), add("", ""))
try:
    add("a", 1)
except TypeError as e:
    print("TypeError", e)
try:
    add(1, "a")
except TypeError as e:
    print("TypeError", e)

# Exact float results, bit for bit (repr shows every bit).
xs = [0.1, 1e308, -1e-308, 5e-324, 3.0, 7.0, 1 / 3, float("nan"), float("inf")]
out = []
for x in xs:
    for y in xs:
        out.append(repr(add(x, y)) + repr(sub(x, y)) + repr(mul(x, y)))
        if y != 0:
            out.append(repr(truediv(x, y)))
print(len(out), hash(tuple(out)) == hash(tuple(out)))
print(out[:12])
print(out[-12:])
