"""Dataclass-heavy inventory with sorting, __repr__, enum Flag, typing."""
from __future__ import annotations
import dataclasses
from dataclasses import dataclass, field, asdict, astuple, replace, fields, InitVar, KW_ONLY
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique, StrEnum
from typing import ClassVar, NamedTuple, TypedDict, Protocol, runtime_checkable, Literal, Final
import operator
import json


class Perm(Flag):
    READ = auto()
    WRITE = auto()
    EXEC = auto()
    RW = READ | WRITE


class Cat(StrEnum):
    TOOL = auto()
    FOOD = auto()
    PART = "part-x"


@unique
class Prio(IntEnum):
    LOW = 1
    MID = 5
    HIGH = 10


class Mode(IntFlag):
    A = 1
    B = 2
    C = 4


@dataclass(order=True)
class Item:
    sort_key: tuple = field(init=False, repr=False, compare=True)
    name: str = field(compare=False)
    price: float = field(compare=False)
    qty: int = field(default=0, compare=False)
    cat: Cat = field(default=Cat.PART, compare=False)
    tags: list[str] = field(default_factory=list, compare=False)
    unit_tax: InitVar[float] = 0.2
    count: ClassVar[int] = 0

    def __post_init__(self, unit_tax):
        if self.price < 0:
            raise ValueError(f"negative price for {self.name}")
        self.gross = round(self.price * (1 + unit_tax), 2)
        self.sort_key = (self.cat, -self.price, self.name)
        Item.count += 1

    @property
    def value(self):
        return self.price * self.qty


@dataclass(frozen=True, slots=True)
class Location:
    aisle: int
    shelf: str = "A"


@dataclass(kw_only=True)
class Supplier:
    name: str
    rating: Prio = Prio.MID
    perms: Perm = Perm.READ


@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
    c: int = 3


class StockRow(NamedTuple):
    name: str
    qty: int = 0

    def double(self):
        return self._replace(qty=self.qty * 2)


class ItemDict(TypedDict, total=False):
    name: str
    qty: int


@runtime_checkable
class Priced(Protocol):
    price: float

    def value(self) -> float: ...


items = [
    Item("hammer", 12.5, 3, Cat.TOOL, ["steel"]),
    Item("apple", 0.4, 100, Cat.FOOD),
    Item("bolt", 0.1, 1000, unit_tax=0.0),
    Item("saw", 25.0, 1, Cat.TOOL),
    Item("bread", 2.25, 10, Cat.FOOD, ["fresh", "daily"]),
]
print(Item.count)
for it in sorted(items):
    print(it, it.gross)
print(sorted(items, key=operator.attrgetter("value"), reverse=True)[0].name)
print(min(items).name, max(items).name, items[0] == Item("hammer", 12.5, 3, Cat.TOOL, ["steel"]))
print(asdict(items[0]))
print(astuple(items[4]))
print(replace(items[0], qty=7, unit_tax=0.0))
print([f.name for f in fields(Item)], [f.name for f in fields(items[0])])
print(dataclasses.is_dataclass(Item), dataclasses.is_dataclass(items[0]), dataclasses.is_dataclass(int))
try:
    Item("x", -1)
except ValueError as e:
    print("ValueError:", e)
loc = Location(3)
print(loc, hash(loc) == hash(Location(3, "A")), Location.__slots__, {loc: 1})
try:
    loc.aisle = 4
except dataclasses.FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    Supplier("acme")
except TypeError as e:
    print("TypeError:", e)
s = Supplier(name="acme", perms=Perm.RW | Perm.EXEC)
print(s, Perm.READ in s.perms, s.perms & Perm.WRITE, ~Perm.READ, Perm(0), list(s.perms))
print(Mixed(1, c=5), Mixed.__match_args__)
try:
    Mixed(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(Cat.TOOL, repr(Cat.PART), Cat("food"), Cat.TOOL.upper(), f"{Cat.FOOD}", Cat.FOOD == "food")
print(Prio.HIGH > Prio.LOW, Prio(5), Prio["LOW"], Prio.MID + 1, sorted(Prio), f"{Prio.HIGH}", str(Prio.LOW), repr(Prio.MID))
print(Mode.A | Mode.C, repr(Mode(7)), Mode(3) & 2, Mode.A | 8, int(Mode.B), str(Mode.A | Mode.B), format(Mode.C, "03d"))
print(Perm.RW, repr(Perm.RW), Perm.RW.name, Perm(3), Perm.READ | Perm.WRITE is Perm.RW, len(Perm), list(Perm))
try:
    Prio(3)
except ValueError as e:
    print("ValueError:", e)
try:
    Perm(16)
except ValueError as e:
    print("ValueError:", e)
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
try:
    Cat.TOOL = 3
except AttributeError as e:
    print("AttributeError:", e)
print(Prio.__members__.keys(), Cat._member_map_.keys() if False else list(Cat.__members__))
row = StockRow("nut", 5)
print(row, row.double(), row._asdict(), StockRow._fields, StockRow._field_defaults, StockRow._make(["a", 1]))
d: ItemDict = {"name": "x"}
print(d, ItemDict.__required_keys__, ItemDict.__optional_keys__, ItemDict.__total__)
print(isinstance(items[0], Priced), isinstance(loc, Priced))
print(json.dumps([asdict(i) for i in items[:2]], default=str))
match items[0]:
    case Item(name=n, cat=Cat.TOOL, qty=q) if q > 1:
        print("matched tool", n, q)
match Mixed(1):
    case Mixed(a, b=2):
        print("mixed", a)
print(Item.__annotations__["tags"], Item.__dataclass_params__ if False else "", Location.__dataclass_fields__["shelf"].default)

@dataclass
class Node:
    val: int
    children: list[Node] = field(default_factory=list)

tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(asdict(tree))
@dataclass(eq=False)
class Ident:
    x: int
print(Ident(1) == Ident(1), Ident.__hash__ is object.__hash__)
@dataclass(unsafe_hash=True)
class H:
    x: int
    y: list = field(hash=False, default=None)
print(hash(H(1)) == hash(H(1, [1])))
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e:
    print("ValueError:", e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e:
    print("TypeError:", e)
print(dataclasses.make_dataclass("P", [("x", int), ("y", int, field(default=0))], namespace={"norm": lambda s: s.x + s.y})(3).norm())
