# PEP 563 annotation strings are unparsed as CPython writes them (quotes, spacing, line breaks, number bases)
from __future__ import annotations
import inspect, typing, dataclasses
def f(a: 'Box[int]', b: Dict[str,int], c: int|None, d: "it's", e: Callable[[int, str], bool],
      g: Tuple[()], h: Literal[1, -2, 0x10, 'x', b'y', None, True], i: Annotated[int, Field(gt=0, le=10)],
      j: Dict[
          str,
          List[int],   # comment
      ],
      k: tuple[int, ...], l: A.B.C[D], m: 'a\nb', n: x . y, o: Tuple[int,], p: (int, str),
      q: list[*Ts], r: a | b | (c | d), s: 2 ** -1, t: lambda: 1, u: [int] * 2, v: {'k': 1}) -> "Optional['X']": ...
for k, v in f.__annotations__.items():
    print(k, repr(v))
x: List[ int ] = []
print(__annotations__)
class C:
    y: "Set[str]"
    z: Dict[str , "C"] = {}
print(C.__annotations__)
@dataclasses.dataclass
class D:
    a: list[int]
    b: 'str' = "x"
print([fl.type for fl in dataclasses.fields(D)], inspect.signature(D))
def g(a: -1 + 2, b: not x, c: ~y, d: Literal[0o17, 0b101, +3], e: -(a+b)) -> 0xFFFFFFFFFFFFFFFFFFFF: ...
print(g.__annotations__)
