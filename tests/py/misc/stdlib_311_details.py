# Details where ftpy's lib/ followed a later CPython: 3.11 messages and API.
from collections import namedtuple
from dataclasses import dataclass
from fractions import Fraction

P = namedtuple("P", "x y")
try:
    P(1, 2)._replace(z=3)
except ValueError as e:
    print("ValueError", e)

try:
    @dataclass
    class Bad:
        x: int = 0
        y: int
except TypeError as e:
    print("TypeError", e)

for src in ["def f(a=1, b): pass", "lambda a=1, b: 0", "def g(a, b=2, c): pass"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError", e.msg, e.offset)

print(hasattr(Fraction, "is_integer"), Fraction(4, 2).denominator == 1)

# hash of an empty str/bytes is 0 whatever the seed, as in CPython.
print(hash(""), hash(b""), hash(memoryview(b"")), hash(bytearray(b"").decode()))


class Root:
    pass


class Leaf(Root):
    pass


try:
    class X(Root, Leaf):
        pass
except TypeError as e:
    print(repr(str(e)))

# 3.11 wording of two interpreter messages (later versions add more).
for src in ["a, b = [1, 2, 3]", "a, b = (1, 2, 3)", "a, b = 'abc'", "a, b = {1: 1, 2: 2, 3: 3}", "a, b = iter([1, 2, 3])"]:
    try:
        exec(src)
    except ValueError as e:
        print(e)
for target in [5, "s", object(), (1,)]:
    try:
        target.x = 1
    except AttributeError as e:
        print(e)
