# A vending-machine / protocol state machine driven by structural pattern matching.
from dataclasses import dataclass
from enum import Enum, auto
from typing import NamedTuple


class State(Enum):
    IDLE = auto()
    HAS_MONEY = auto()
    DISPENSING = auto()
    MAINTENANCE = auto()


@dataclass
class Coin:
    cents: int


@dataclass
class Select:
    code: str
    qty: int = 1


@dataclass
class Cancel:
    pass


@dataclass
class Service:
    action: str
    args: tuple = ()


class Point(NamedTuple):
    x: int
    y: int


PRODUCTS = {"A1": ("chips", 125), "A2": ("candy", 90), "B1": ("soda", 150)}


class Machine:
    def __init__(self):
        self.state = State.IDLE
        self.credit = 0
        self.stock = {"A1": 2, "A2": 5, "B1": 0}
        self.out = []

    def handle(self, event):
        match self.state, event:
            case (State.MAINTENANCE, Service(action="close")):
                self.state = State.IDLE
                return "closed maintenance"
            case (State.MAINTENANCE, Service(action="restock", args=(code, n))):
                self.stock[code] = self.stock.get(code, 0) + n
                return f"restocked {code} to {self.stock[code]}"
            case (State.MAINTENANCE, _):
                return f"ignored {type(event).__name__} during maintenance"
            case (_, Service(action="open")) if self.credit == 0:
                self.state = State.MAINTENANCE
                return "maintenance mode"
            case (_, Service()):
                return "refused: credit pending"
            case (State.IDLE | State.HAS_MONEY, Coin(cents=c)) if c in (5, 10, 25, 100):
                self.credit += c
                self.state = State.HAS_MONEY
                return f"credit {self.credit}"
            case (_, Coin(cents=c)):
                return f"rejected coin {c}"
            case (State.HAS_MONEY, Select(code=code, qty=q)) if code in PRODUCTS:
                name, price = PRODUCTS[code]
                if self.stock[code] < q:
                    return f"sold out: {name}"
                if self.credit < price * q:
                    return f"need {price * q - self.credit} more"
                self.stock[code] -= q
                self.credit -= price * q
                self.out.extend([name] * q)
                change, self.credit = self.credit, 0
                self.state = State.IDLE
                return f"dispensed {q}x{name}, change {change}"
            case (State.HAS_MONEY, Select(code=code)):
                return f"unknown product {code}"
            case (State.IDLE, Select()):
                return "insert coins first"
            case (State.HAS_MONEY, Cancel()):
                refund, self.credit = self.credit, 0
                self.state = State.IDLE
                return f"refund {refund}"
            case (state, ev):
                return f"no transition from {state.name} on {ev!r}"


m = Machine()
events = [Select("A1"), Coin(25), Coin(3), Coin(100), Select("A1"), Select("Z9"), Coin(25),
          Select("A1", 2), Select("A1"), Cancel(), Cancel(), Service("open"),
          Coin(5), Service("restock", ("B1", 3)), Service("restock", ("A1",)), Service("close"),
          Coin(100), Coin(25), Coin(25), Select("B1"), Coin(100), Select("A2"),
          Coin(100), Service("open"), Select("B1")]
for ev in events:
    print(f"{m.state.name:<12} {ev!r:<38} -> {m.handle(ev)}")
print(m.out, m.stock)


def describe(obj):
    match obj:
        case None:
            return "nothing"
        case True | False as b:
            return f"bool {b}"
        case int(n) if n < 0:
            return "negative int"
        case int() | float() as num if num == 0:
            return "zero"
        case int(n):
            return f"int {n}"
        case float(x):
            return f"float {x:.2f}"
        case str() as s if not s:
            return "empty string"
        case str(s):
            return f"string of {len(s)}"
        case []:
            return "empty list"
        case [x]:
            return f"singleton {describe(x)}"
        case [first, *_, last] if isinstance(obj, list):
            return f"list {first}..{last}"
        case (a, b):
            return f"pair {a},{b}"
        case Point(x=0, y=0):
            return "origin"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case {"type": "circle", "r": r}:
            return f"circle r={r}"
        case {"type": kind, **rest}:
            return f"{kind} with {sorted(rest)}"
        case {}:
            return "dict without type"
        case Coin(cents=100) | Coin(cents=25):
            return "big coin"
        case Coin():
            return "coin"
        case _:
            return f"other {type(obj).__name__}"


samples = [None, True, 0, -5, 7, 0.0, 2.5, "", "abc", [], [1], [1, 2, 3], (1, 2), (1, 2, 3),
           Point(0, 0), Point(3, 3), Point(1, 2), {"type": "circle", "r": 2}, {"type": "sq", "w": 1, "h": 2},
           {"r": 1}, Coin(25), Coin(1), {1, 2}, b"x"]
for s in samples:
    print(f"{s!r:<30} {describe(s)}")


def parse_command(words):
    match words.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return ("move", d)
        case ["go", *rest]:
            return ("error", f"bad direction {' '.join(rest) or '?'}")
        case ["take" | "get", item, *more]:
            return ("take", [item, *more])
        case ["drop", *items] if items:
            return ("drop", items)
        case ["look"] | ["l"]:
            return ("look",)
        case [verb, *_]:
            return ("unknown", verb)
        case []:
            return ("empty",)


for cmd in ["go north", "go up", "go", "take lamp key", "get coin", "drop", "drop a b", "look", "l", "dance now", ""]:
    print(f"{cmd!r:16} {parse_command(cmd)}")

for value in [{"a": 1, "b": [1, 2]}, {"a": 1, "b": [1, "x"]}, {"a": "1"}]:
    match value:
        case {"a": int(a), "b": [int(), int()] as pair}:
            print("ints", a, pair)
        case {"a": int(a), "b": list(other)}:
            print("int and list", a, other)
        case {"a": str(s)}:
            print("str", s)
print(Point.__match_args__, Coin.__match_args__, Select.__match_args__)
