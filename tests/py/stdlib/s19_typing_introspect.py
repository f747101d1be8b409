# typing and introspection: get_type_hints, NamedTuple, TypedDict, Protocol,
# generics, inspect.signature/getsource, and abc.
import typing
from typing import (NamedTuple, TypedDict, Optional, Union, List, Dict, Callable, Protocol,
                    TypeVar, Generic, Literal, Any, get_type_hints, get_origin, get_args,
                    runtime_checkable, Final, Annotated, cast, overload)
import inspect
import abc


class Employee(NamedTuple):
    name: str
    dept: str = "eng"
    salary: float = 0.0

    def raise_(self, pct: float) -> "Employee":
        return self._replace(salary=self.salary * (1 + pct))


e = Employee("ann", salary=100.0)
print(e, e.raise_(0.1), Employee._fields, Employee._field_defaults, Employee.__annotations__)


class Movie(TypedDict, total=False):
    title: str
    year: int


class Movie2(Movie, total=True):
    rating: float


m: Movie = {"title": "Up"}
print(m, Movie.__required_keys__, Movie.__optional_keys__, sorted(Movie2.__required_keys__))
print(get_type_hints(Movie2))

T = TypeVar("T")
K = TypeVar("K", str, bytes)


class Stack(Generic[T]):
    def __init__(self) -> None:
        self.items: List[T] = []

    def push(self, item: T) -> None:
        self.items.append(item)

    def pop(self) -> T:
        return self.items.pop()


s = Stack[int]()
s.push(3)
print(s.pop(), Stack[int], Stack.__parameters__, T, K.__constraints__)


def process(data: Dict[str, List[int]], cb: Optional[Callable[[int], str]] = None,
            *args: int, flag: Literal["a", "b"] = "a", **kw: Any) -> Union[int, None]:
    """Process data."""
    return None


hints = get_type_hints(process)
for k, v in hints.items():
    print(k, v, get_origin(v), get_args(v))
sig = inspect.signature(process)
print(sig)
for name, p in sig.parameters.items():
    print(name, p.kind.name, p.default is inspect.Parameter.empty, p.annotation)
print(sig.return_annotation)
ba = sig.bind({"a": [1]}, None, 1, 2, flag="b", z=3)
print(ba.arguments, ba.args, ba.kwargs)
try:
    sig.bind()
except TypeError as e:
    print("TypeError:", e)
print(inspect.signature(lambda a, /, b=2, *, c: 0), inspect.signature(Employee))


@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...


class F:
    def close(self):
        pass


print(isinstance(F(), Closer), isinstance(1, Closer))


class Shape(abc.ABC):
    @abc.abstractmethod
    def area(self) -> float: ...

    @property
    @abc.abstractmethod
    def name(self) -> str: ...


class Sq(Shape):
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s ** 2

    @property
    def name(self):
        return "square"


try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(Sq(3).area(), Sq(3).name, Shape.__abstractmethods__, inspect.isabstract(Shape))


class Half(Shape):
    def area(self):
        return 0


try:
    Half()
except TypeError as e:
    print("TypeError:", e)
Shape.register(int)
print(isinstance(3, Shape), issubclass(bool, Shape))

print(Optional[int], Union[int, str], Union[int, None] == Optional[int], List[int] == list[int])
print(Annotated[int, "meta"], get_args(Annotated[int, "meta"]), cast(int, "x"))
print(int | str, (int | None).__args__, get_origin(list[int]), typing.get_args(dict[str, int]))


def helper(x: int, y: "str" = "a") -> bool:
    # a comment
    return bool(x)


print(inspect.getsource(helper))
print(inspect.getdoc(process), inspect.getfullargspec(helper))
print(inspect.isfunction(helper), inspect.ismethod(Sq(1).area), inspect.isclass(Sq), inspect.isgeneratorfunction(helper))
print([n for n, _ in inspect.getmembers(Sq, inspect.isfunction)])
print(inspect.getmro(Sq)[:2], inspect.unwrap(helper) is helper, inspect.getmodule(helper).__name__)
print(inspect.getsourcelines(Sq.area)[1], inspect.cleandoc("  a\n    b\n  c"))
fr = inspect.currentframe()
print(fr.f_code.co_name, inspect.getframeinfo(fr).function)


@overload
def f(x: int) -> int: ...
@overload
def f(x: str) -> str: ...
def f(x):
    return x


print(f(1), len(typing.get_overloads(f)) if hasattr(typing, "get_overloads") else None)
MAX: Final = 3
print(typing.TYPE_CHECKING, __annotations__)
