from __future__ import annotations

import typing
from typing import (Any, Callable, ClassVar, Final, Generic, Iterable, Iterator, Literal,
                    NamedTuple, Optional, Protocol, TypedDict, TypeVar, Union, overload,
                    runtime_checkable, get_type_hints, get_origin, get_args, cast)
from dataclasses import dataclass
import collections.abc as cabc

T = TypeVar("T")
K = TypeVar("K", bound="Hashable")
N = TypeVar("N", int, float)
T_co = TypeVar("T_co", covariant=True)


@runtime_checkable
class SupportsClose(Protocol):
    def close(self) -> None: ...


class Sized2(Protocol):
    size: int


class Resource:
    def __init__(self, name: str) -> None:
        self.name = name
        self.closed = False

    def close(self) -> None:
        self.closed = True


class Stack(Generic[T]):
    def __init__(self, items: Iterable[T] = ()) -> None:
        self._items: list[T] = list(items)

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> T:
        if not self._items:
            raise IndexError("pop from empty Stack")
        return self._items.pop()

    def __iter__(self) -> Iterator[T]:
        return reversed(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Stack({self._items!r})"


class Pair(Generic[T, N]):
    def __init__(self, a: T, b: N):
        self.a, self.b = a, b


class Point(NamedTuple):
    x: float
    y: float = 0.0
    label: str = "p"

    def dist(self, other: Point) -> float:
        return ((self.x - other.x) ** 2 + (self.y - other.y) ** 2) ** 0.5


class Movie(TypedDict, total=False):
    title: str
    year: int


class Config(TypedDict):
    name: str
    debug: bool


@overload
def parse(x: int) -> int: ...
@overload
def parse(x: str) -> list[str]: ...
def parse(x):
    if isinstance(x, int):
        return x * 2
    return x.split(",")


@dataclass
class Settings:
    MAX: ClassVar[int] = 10
    name: str
    level: Literal["low", "high"] = "low"
    retries: Optional[int] = None
    hooks: list[Callable[[int], int]] | None = None


def first(xs: Iterable[T], default: T | None = None) -> T | None:
    for x in xs:
        return x
    return default


def apply(f: Callable[..., T], *args: Any) -> T:
    return f(*args)


LIMIT: Final = 3

s: Stack[int] = Stack([1, 2])
s.push(3)
print(s, len(s), list(s), s.pop())
print(Stack[int], Stack[str]().__class__ is Stack, Stack.__parameters__, Pair.__parameters__)
print(Stack[int].__origin__ is Stack, get_args(Stack[int]), get_origin(Stack[int]) is Stack)
print(Pair[str, int], get_args(dict[str, list[int]]), get_origin(list[int]))
print(T, K, N.__constraints__, K.__bound__, T_co.__covariant__, T.__name__)

r = Resource("db")
print(isinstance(r, SupportsClose), isinstance(42, SupportsClose))
try:
    isinstance(r, Sized2)
except TypeError as e:
    print("TypeError:", e)

p = Point(3, 4)
q = Point(0, 0, "origin")
print(p, q, p.dist(q), p._fields, Point._field_defaults, p._asdict(), p._replace(x=1))
print(Point.__annotations__)
x, y, label = p
print(x, y, label, p[0], p[-1], p == (3, 4, "p"))

m: Movie = {"title": "Blade Runner"}
print(m, Movie.__total__, sorted(Movie.__annotations__), Config.__required_keys__ if hasattr(Config, "__required_keys__") else None)
print(Movie(title="x", year=1), type(Movie(title="x")))

print(parse(21), parse("a,b,c"))
print(first([]), first("xyz"), first([], default=0), apply(max, 3, 9, 4))
st = Settings("svc")
print(st, Settings.MAX, cast(int, "not really an int"))
print(get_type_hints(Settings))
print(get_type_hints(first))
print(first.__annotations__)
print(Union[int, str], Union[int, None], Optional[str] == Union[str, None], int | str, (int | None) == Optional[int])
print(list[int], tuple[int, ...], Callable[[int, str], bool], Literal[1, "a"], type[int])
print(isinstance([], cabc.Sequence), issubclass(dict, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
print(isinstance(3, int | str), issubclass(bool, int | float))
print(typing.get_origin(Callable[[int], str]) is cabc.Callable, typing.get_args(Callable[[int], str]))
try:
    Stack[int, str]
except TypeError as e:
    print("TypeError:", e)
try:
    Point(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    Generic[int]
except TypeError as e:
    print("TypeError:", e)
print(repr(Any), repr(typing.List[int]), repr(typing.Dict[str, typing.Any]), typing.Tuple[()])
