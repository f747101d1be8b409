# A typing-annotated module: NamedTuple records, generics-free annotations, dataclass slots, enums.
from __future__ import annotations

import typing
from dataclasses import dataclass, field
from enum import IntEnum
from typing import NamedTuple, Optional, Iterable, Iterator


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 2
    HIGH = 3


class Coord(NamedTuple):
    lat: float
    lon: float

    def manhattan(self, other: Coord) -> float:
        return abs(self.lat - other.lat) + abs(self.lon - other.lon)

    def __str__(self) -> str:
        return f"({self.lat:.2f}, {self.lon:.2f})"


class Employee(NamedTuple):
    name: str
    dept: str
    salary: int = 50_000
    manager: Optional[str] = None


class Ticket(NamedTuple):
    id: int
    title: str
    priority: Priority = Priority.MEDIUM
    tags: tuple[str, ...] = ()


@dataclass(slots=True)
class Queue:
    name: str
    items: list[Ticket] = field(default_factory=list)

    def push(self, t: Ticket) -> None:
        self.items.append(t)

    def by_priority(self) -> Iterator[Ticket]:
        yield from sorted(self.items, key=lambda t: (-t.priority, t.id))


def total_salary(staff: Iterable[Employee], dept: str | None = None) -> int:
    return sum(e.salary for e in staff if dept is None or e.dept == dept)


staff = [
    Employee("ann", "eng", 120_000),
    Employee("bob", "eng", 95_000, "ann"),
    Employee("cid", "ops"),
    Employee("dee", "ops", 70_000, "cid"),
    Employee(name="eve", dept="eng", manager="ann"),
]
print(staff[1], staff[2].salary, staff[4])
print(Employee._fields, Employee._field_defaults, list(Employee.__annotations__))
print(total_salary(staff), total_salary(staff, "eng"), max(staff, key=lambda e: e.salary).name)
print(sorted(staff, key=lambda e: (e.dept, -e.salary))[0].name, [e.name for e in staff if e.manager == "ann"])
e = staff[0]._replace(salary=130_000)
print(e, e._asdict(), tuple(e), len(e), e[1], e.index("eng"), Employee._make(["x", "y", 1, None]))
name, dept, *rest = staff[3]
print(name, dept, rest)
try:
    Employee("only")
except TypeError as ex:
    print("TypeError:", ex)
try:
    staff[0].salary = 1
except AttributeError as ex:
    print("AttributeError:", ex)

a, b = Coord(52.5, 13.4), Coord(48.85, 2.35)
print(a, repr(b), a.manhattan(b), a < b, a == (52.5, 13.4), hash(a) == hash((52.5, 13.4)))
print(isinstance(a, tuple), Coord.__bases__, Coord.__mro__[1:], type(a).__name__)

q = Queue("support")
for i, (title, prio, tags) in enumerate([("login broken", Priority.HIGH, ("auth",)),
                                         ("typo", Priority.LOW, ()),
                                         ("slow page", Priority.MEDIUM, ("perf", "web")),
                                         ("data loss", Priority.HIGH, ("db",))], 1):
    q.push(Ticket(i, title, prio, tags))
q.push(Ticket(9, "default prio"))
for t in q.by_priority():
    print(f"#{t.id} {t.priority.name:<6} {t.title:<13} {','.join(t.tags) or '-'}")
print(Priority.HIGH > Priority.LOW, Priority(2), int(Priority.HIGH), sum(Priority), Priority.HIGH + 1)
try:
    q.extra = 1
except AttributeError as ex:
    print("AttributeError:", type(ex).__name__)
print(hasattr(q, "__dict__"), Queue.__slots__)

hints = typing.get_type_hints(total_salary)
print(sorted(hints), total_salary.__annotations__["dept"])
print(typing.get_type_hints(Employee)["manager"], typing.get_origin(list[int]), typing.get_args(dict[str, int]))
print(typing.Optional[int] == typing.Union[int, None], typing.get_args(typing.Union[int, str]))
Pair = NamedTuple("Pair", [("left", int), ("right", int)])
p = Pair(1, 2)
print(p, Pair._fields, p.left + p.right)
UserId = typing.NewType("UserId", int)
print(UserId(5), UserId.__name__, typing.cast(int, "not checked"), typing.TYPE_CHECKING)
T = typing.TypeVar("T")
def first(xs: list[T]) -> T:
    return xs[0]
print(first([3, 2]), T.__name__, typing.Any, typing.Callable[[int], str])
