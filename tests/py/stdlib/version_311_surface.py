# CPython 3.11 surface: later additions stay absent (int.is_integer and
# Fraction.is_integer came in 3.12, dataclasses.field(doc=) in 3.13) and
# messages keep their 3.11 wording.
import dataclasses
from dataclasses import dataclass, field
from fractions import Fraction

print(hasattr(5, "is_integer"), hasattr(True, "is_integer"), hasattr(Fraction(1, 2), "is_integer"),
      hasattr(1.5, "is_integer"), (2.0).is_integer())
print(field(default=1, repr=False).repr, sorted(dataclasses.Field.__slots__))
try:
    field(doc="x")
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError", e)
try:
    @dataclass
    class Bad2:
        a: int
        b: list = field(default_factory=list)
        c: str
except TypeError as e:
    print("TypeError", e)


@dataclass
class Ok:
    a: int = field(default=0, init=False)
    b: int = 2
    c: int = field(default=3, kw_only=True)


print(Ok(5), Ok(c=7))
