from __future__ import annotations
import typing
from typing import (Protocol, TypedDict, NamedTuple, get_type_hints, overload, runtime_checkable,
                    Optional, Union, List, Dict, Callable, TypeVar, Generic, Literal, Final, ClassVar,
                    Any, get_origin, get_args, Annotated, NewType, cast, Iterable, Tuple, Sequence,
                    ParamSpec, Concatenate, Self, Never, Required, NotRequired, TypeAlias, assert_never,
                    reveal_type, LiteralString, TypeVarTuple, Unpack, dataclass_transform)
import dataclasses, collections.abc, inspect

T = TypeVar("T")
K = TypeVar("K", bound=str)
N = TypeVar("N", int, float)
P = ParamSpec("P")
Ts = TypeVarTuple("Ts")
UserId = NewType("UserId", int)

@runtime_checkable
class SupportsClose(Protocol):
    def close(self) -> None: ...

class Closer:
    def close(self) -> None:
        print("closed")

class Movie(TypedDict):
    title: str
    year: int

class MovieExtra(Movie, total=False):
    rating: float

class Point(NamedTuple):
    x: float
    y: float = 0.0
    label: str = "p"
    def dist(self) -> float:
        return (self.x ** 2 + self.y ** 2) ** 0.5

class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item
    def get(self) -> T:
        return self.item

@overload
def double(x: int) -> int: ...
@overload
def double(x: str) -> str: ...
def double(x):
    return x * 2

def annotated(a: int, b: Optional[str] = None, *args: int, c: List[Dict[str, int]], **kw: Any) -> Union[int, str]:
    return a

class Config:
    name: str
    retries: ClassVar[int] = 3
    timeout: Final[float] = 1.5
    mode: Literal["fast", "slow"] = "fast"
    meta: Annotated[int, "positive"] = 1

print(isinstance(Closer(), SupportsClose), isinstance(object(), SupportsClose))
try:
    class NotRT(Protocol):
        def f(self): ...
    isinstance(1, NotRT)
except TypeError as e:
    print("TE", e)
m: Movie = {"title": "Heat", "year": 1995}
print(m, Movie.__required_keys__, MovieExtra.__optional_keys__, MovieExtra.__total__)
print(get_type_hints(Movie), get_type_hints(MovieExtra))
p = Point(3, 4)
print(p, p.dist(), p._asdict(), p._replace(label="q"), Point._fields, Point._field_defaults)
print(Point.__annotations__)
print(Box[int], Box[int](5).get(), Box.__parameters__, Box[int].__origin__ is Box, get_args(Box[int]))
print(double(2), double("ab"))
try:
    typing.get_overloads(double)
    print(len(typing.get_overloads(double)))
except AttributeError as e:
    print("AE", e)
print(get_type_hints(annotated))
print(get_type_hints(Config))
print(get_type_hints(Config, include_extras=True)["meta"])
print(inspect.signature(annotated))
print(get_origin(List[int]), get_origin(Dict[str, int]), get_origin(Union[int, str]), get_origin(Literal[1]), get_origin(int))
print(get_args(Dict[str, List[int]]), get_args(Callable[[int, str], bool]), get_args(Optional[int]))
print(get_origin(Callable[..., int]), get_args(Callable[..., int]))
print(Optional[int], Union[int, None, str], Union[int], List[Tuple[int, ...]])
print(Callable[[int], str], Callable[P, T], Callable[Concatenate[int, P], T])
print(Literal["a", 1], Final[int], ClassVar[str], Annotated[int, "x", 3])
print(T, K, N, P, Ts, T.__name__, K.__bound__, N.__constraints__, T.__covariant__)
print(UserId(5), UserId, UserId.__supertype__, cast(int, "x"))
print(int | str, list[int] | None, type(int | str), (int | str).__args__)
print(isinstance(3, int | str), issubclass(bool, int | str))
print(Union[int, str] == Union[str, int], Optional[int] == Union[int, None], int | str == Union[int, str])
print(typing.List, typing.Dict[str, int], typing.Sequence[int], typing.Iterable, typing.Type[int])
print(list[int], dict[str, list[int]], tuple[int, ...], collections.abc.Callable[[int], str])
try:
    Union[1]
except TypeError as e:
    print("TE", e)
try:
    Generic[int]
except TypeError as e:
    print("TE", e)
try:
    Box[int, str]
except TypeError as e:
    print("TE", e)
try:
    List[int](); 
except TypeError as e:
    print("TE", e)
def f(x: "Box[int]") -> "Point": ...
print(get_type_hints(f))
print(f.__annotations__)
def g(x: "Undefined") -> None: ...
try:
    get_type_hints(g)
except NameError as e:
    print("NE", e)
@dataclasses.dataclass
class DC:
    a: int
    b: "list[str]" = dataclasses.field(default_factory=list)
print(get_type_hints(DC), DC(1))
def check(x: int | str) -> str:
    match x:
        case int():
            return "int"
        case str():
            return "str"
        case _:
            assert_never(x)
print(check(1), check("s"))
try:
    assert_never(3)
except AssertionError as e:
    print("AE", e)
print(reveal_type(5))
print(typing.TYPE_CHECKING, Self, Never, LiteralString, Required[int], NotRequired[str])
class Shape:
    def set_scale(self, s: float) -> Self:
        return self
print(get_type_hints(Shape.set_scale))
print(Tuple[int, Unpack[Ts]], tuple[int, *Ts])
@dataclass_transform()
def model(cls): return cls
print(model.__dataclass_transform__ if hasattr(model, "__dataclass_transform__") else None)
print(typing.get_type_hints(typing.NamedTuple("Emp", [("name", str), ("id", int)])))
Emp2 = typing.TypedDict("Emp2", {"name": str, "id": int})
print(Emp2.__annotations__, Emp2(name="a", id=1))
