# dataclasses as domain models: field options, KW_ONLY, __post_init__,
# InitVar, frozen/order/slots, asdict/astuple/replace, inheritance, errors.
from dataclasses import (dataclass, field, asdict, astuple, replace, fields, KW_ONLY,
                         InitVar, FrozenInstanceError, is_dataclass, make_dataclass, MISSING)
from typing import ClassVar, Optional
import copy


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0

    def __str__(self):
        return f"{self.major}.{self.minor}.{self.patch}"


vs = [Version(1, 2, 3), Version(1, 10), Version(0, 9, 9), Version(1, 2)]
print(sorted(vs), max(vs), Version(1) < Version(1, 0, 1), str(vs[0]))


@dataclass
class Account:
    owner: str
    _: KW_ONLY
    balance: float = 0.0
    history: list = field(default_factory=list, repr=False)
    kind: str = field(default="basic", compare=False)
    rate: InitVar[float] = 0.01
    bank: ClassVar[str] = "FTBank"

    def __post_init__(self, rate):
        if self.balance < 0:
            raise ValueError("negative opening balance")
        self.interest = round(self.balance * rate, 2)


a = Account("ann", balance=100.0, rate=0.05)
print(a, a.interest, Account.bank, a == Account("ann", balance=100.0, kind="gold"))
print([f.name for f in fields(a)], asdict(a), astuple(a))
try:
    Account("bob", 5)
except TypeError as e:
    print("TypeError:", e)
try:
    Account("bob", balance=-1)
except ValueError as e:
    print("ValueError:", e)
b = replace(a, owner="bea", rate=0.1)
print(b, b.interest, b.history is a.history)


@dataclass(frozen=True)
class Money:
    amount: int
    currency: str = "EUR"

    def __add__(self, other):
        if self.currency != other.currency:
            raise ValueError("currency mismatch")
        return Money(self.amount + other.amount, self.currency)


m = Money(5) + Money(7)
print(m, hash(m) == hash(Money(12)), {m, Money(12)})
try:
    m.amount = 1
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
try:
    del m.currency
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)


@dataclass(slots=True)
class P:
    x: int
    y: int = 0


p = P(1)
print(p, P.__slots__, hasattr(p, "__dict__"))
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)


@dataclass
class Base:
    id: int
    tags: list = field(default_factory=list)


@dataclass
class Child(Base):
    name: str = "?"
    parent: Optional["Child"] = None


c = Child(1, ["t"], "kid", Child(0))
print(c)
print(asdict(c))
print(astuple(c))
dc = copy.deepcopy(c)
print(dc == c, dc.parent is c.parent)

try:
    @dataclass
    class Bad:
        a: int = 0
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        items: list = []
except ValueError as e:
    print("ValueError:", e)

try:
    make_dataclass("Pt3", [("x", int), ("y", int, field(default=2)), "z"])
except TypeError as e:
    print("TypeError:", e)
Pt3b = make_dataclass("Pt3b", [("x", int), ("y", int, field(default=2))], namespace={"norm": lambda s: s.x + s.y})
q = Pt3b(1)
print(q, q.norm(), is_dataclass(q), is_dataclass(Pt3b), is_dataclass(1))
print(fields(Pt3b)[1].default, fields(Pt3b)[0].default is MISSING)


@dataclass(eq=False, repr=False)
class Plain:
    v: int


print(Plain(1) == Plain(1), repr(Plain(1)).startswith("<__main__.Plain object"))


@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(hash=False, default=None)


print(hash(H(1)) == hash(H(1, [2])))
print(Version.__match_args__, Account.__match_args__)
match Version(2, 0):
    case Version(2, minor):
        print("v2 minor", minor)
print(Account.__init__.__annotations__ if False else sorted(Account.__dataclass_fields__))
print(Version.__dataclass_params__)
