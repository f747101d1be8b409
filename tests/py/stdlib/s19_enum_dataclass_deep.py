# Deeper enum and dataclass usage from configuration/ORM-style code:
# Flag boundaries, verify, member/nonmember, enum properties, _missing_,
# pickling and copying of both, dataclass field metadata, dict_factory,
# inheritance with kw_only, __post_init__ with InitVar defaults.
import copy
import enum
import pickle
from dataclasses import dataclass, field, fields, asdict, astuple, replace, InitVar, KW_ONLY
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, verify, UNIQUE, CONTINUOUS, NAMED_FLAGS, STRICT, CONFORM, EJECT, KEEP


class Color(Flag, boundary=STRICT):
    RED = 1
    GREEN = 2
    BLUE = 4


class Loose(Flag, boundary=CONFORM):
    A = 1
    B = 2


class Eject(Flag, boundary=EJECT):
    A = 1
    B = 2


class Keep(Flag, boundary=KEEP):
    A = 1
    B = 2


for cls, v in [(Color, 8), (Loose, 7), (Eject, 7), (Keep, 7)]:
    try:
        print(cls.__name__, repr(cls(v)))
    except ValueError as e:
        print(cls.__name__, "ValueError:", e)
print(repr(Color.RED | Color.BLUE), repr(~Color.RED), list(Color.RED | Color.BLUE), Color(0), repr(Color(7)))
print(Color.RED in (Color.RED | Color.GREEN), (Color.RED | Color.GREEN).name, Color._boundary_, Loose._boundary_)

try:
    @verify(UNIQUE)
    class U(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)
try:
    @verify(CONTINUOUS)
    class C(IntEnum):
        A = 1
        C = 3
except ValueError as e:
    print("ValueError:", e)
try:
    @verify(NAMED_FLAGS)
    class NF(Flag):
        A = 1
        AB = 3
except ValueError as e:
    print("ValueError:", e)


class Status(StrEnum):
    ACTIVE = auto()
    DISABLED = auto()

    @property
    def label(self):
        return self.value.title()

    @classmethod
    def _missing_(cls, value):
        return cls.__members__.get(str(value).upper())


print(Status("active"), Status("DISABLED"), Status.ACTIVE.label, f"{Status.ACTIVE}", Status.ACTIVE == "active")
try:
    Status("gone")
except ValueError as e:
    print("ValueError:", e)


class Op(Enum):
    ADD = enum.member(lambda a, b: a + b)
    SUB = enum.member(lambda a, b: a - b)
    helper = enum.nonmember(42)

    def __call__(self, *args):
        return self.value(*args)


print(list(Op.__members__), Op.ADD(2, 3), Op.SUB(2, 3), Op.helper)


class Prio(IntEnum):
    LOW = 1
    HIGH = 3

    def __str__(self):
        return self.name.lower()


print(str(Prio.LOW), format(Prio.LOW), f"{Prio.HIGH:>6}", repr(Prio.HIGH), Prio.LOW + 1, sorted([Prio.HIGH, Prio.LOW, 2]))
print(pickle.loads(pickle.dumps(Color.RED | Color.GREEN)), pickle.loads(pickle.dumps(Status.ACTIVE)) is Status.ACTIVE,
      copy.deepcopy(Prio.HIGH) is Prio.HIGH, copy.copy(Op.ADD) is Op.ADD)
print(IntFlag("Perm", ["R", "W", "X"]).__members__, Enum("E", {"a": 10, "b": 20}).b.value)
print(enum.unique(Prio) is Prio, Prio.__members__.keys(), Color.__members__["RED"].value, dir(Color)[:5])


class Rank(Enum):
    _order_ = "ONE TWO"
    ONE = 1
    TWO = 2


print(list(Rank), Rank._member_names_, Rank(2)._name_)
try:
    class Bad(Enum):
        _order_ = "TWO ONE"
        ONE = 1
        TWO = 2
except TypeError as e:
    print("TypeError:", e)


@dataclass
class Column:
    name: str
    type: str = "text"
    nullable: bool = field(default=True, metadata={"sql": "NULL"})
    default: object = field(default=None, repr=False, metadata={"sql": "DEFAULT"})


@dataclass
class Table:
    name: str
    columns: list = field(default_factory=list)
    _: KW_ONLY
    schema: str = "public"
    temp: bool = False
    comment: InitVar[str] = ""

    def __post_init__(self, comment):
        self.description = comment.strip() or f"table {self.name}"


@dataclass
class AuditTable(Table):
    audit_col: str = "changed_at"
    _: KW_ONLY
    retention_days: int = 30


t = AuditTable("users", [Column("id", "int", False), Column("email")], retention_days=90, comment="  people  ")
print(t)
print(t.description, [f.name for f in fields(t)], [(f.name, dict(f.metadata)) for f in fields(Column) if f.metadata])
print(asdict(t, dict_factory=lambda items: {k: v for k, v in items if k != "columns"}))
print(astuple(t.columns[0]), astuple(t, tuple_factory=list)[:2])
t2 = replace(t, name="admins", comment="admin table")
print(t2.name, t2.description, t2.columns is t.columns, t2.schema, t2.retention_days)
try:
    replace(t, description="x")
except TypeError as e:
    print("TypeError:", e)
try:
    AuditTable("x", [], "col", 5)
except TypeError as e:
    print("TypeError:", e)
print(pickle.loads(pickle.dumps(t)) == t, copy.deepcopy(t) == t, copy.deepcopy(t).columns is not t.columns)
print(Column("a") == Column("a"), Column("a") == ("a", "text", True, None), Column("a") != Column("b"))
try:
    fields(42)
except TypeError as e:
    print("TypeError:", e)
print(AuditTable.__init__.__doc__ if False else AuditTable.__match_args__, AuditTable.__kw_only__ if hasattr(AuditTable, "__kw_only__") else "-")


@dataclass(frozen=True, order=True)
class Semver:
    major: int
    minor: int
    patch: int = 0
    pre: str = field(default="", compare=False)

    @classmethod
    def parse(cls, s):
        core, _, pre = s.partition("-")
        return cls(*map(int, core.split(".")), pre=pre)


vs = sorted(Semver.parse(s) for s in ["1.2.3", "1.10.0", "1.2.3-rc1", "0.9.12"])
print(vs, vs[0] < vs[-1], Semver(1, 2, 3) == Semver(1, 2, 3, "x"), hash(Semver(1, 2)) == hash(Semver(1, 2, 0, "b")))
try:
    Semver(1, 2) < (1, 2)
except TypeError as e:
    print("TypeError:", e)
