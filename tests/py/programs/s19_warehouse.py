"""Inventory/warehouse simulation: dataclasses, enums, properties, custom
exceptions, ordering, and a report table."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field, asdict, replace
from decimal import Decimal
from functools import total_ordering
from collections import defaultdict, Counter


class Category(enum.Enum):
    TOOLS = "tools"
    PAINT = "paint"
    GARDEN = "garden"

    def __str__(self):
        return self.value.title()


class Priority(enum.IntEnum):
    LOW = 1
    NORMAL = 2
    URGENT = 3


class Flags(enum.Flag):
    NONE = 0
    FRAGILE = enum.auto()
    HAZMAT = enum.auto()
    HEAVY = enum.auto()


class StockError(Exception):
    pass


class OutOfStock(StockError):
    def __init__(self, sku, wanted, have):
        super().__init__(f"{sku}: wanted {wanted}, only {have} left")
        self.sku, self.wanted, self.have = sku, wanted, have


@total_ordering
@dataclass
class Item:
    sku: str
    name: str
    category: Category
    price: Decimal
    qty: int = 0
    flags: Flags = Flags.NONE
    tags: list[str] = field(default_factory=list)

    @property
    def value(self) -> Decimal:
        return self.price * self.qty

    def __lt__(self, other):
        if not isinstance(other, Item):
            return NotImplemented
        return (self.category.value, self.sku) < (other.category.value, other.sku)


@dataclass(order=True, frozen=True)
class Order:
    priority: Priority
    number: int
    lines: tuple = field(compare=False)


class Warehouse:
    def __init__(self):
        self._items: dict[str, Item] = {}
        self.log: list[str] = []

    def add(self, item: Item):
        if item.sku in self._items:
            raise StockError(f"duplicate sku {item.sku}")
        self._items[item.sku] = item

    def __getitem__(self, sku):
        try:
            return self._items[sku]
        except KeyError:
            raise StockError(f"unknown sku {sku!r}") from None

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(sorted(self._items.values()))

    def fulfil(self, order: Order):
        # check first, then take: an order is all or nothing
        for sku, n in order.lines:
            item = self[sku]
            if item.qty < n:
                raise OutOfStock(sku, n, item.qty)
        for sku, n in order.lines:
            self._items[sku].qty -= n
        self.log.append(f"order {order.number} ({order.priority.name}) shipped")

    @property
    def total_value(self):
        return sum((i.value for i in self._items.values()), Decimal(0))


wh = Warehouse()
wh.add(Item("T-100", "Hammer", Category.TOOLS, Decimal("12.50"), 40, Flags.HEAVY, ["steel"]))
wh.add(Item("T-200", "Screwdriver set", Category.TOOLS, Decimal("19.99"), 15))
wh.add(Item("P-010", "White paint 5L", Category.PAINT, Decimal("34.00"), 8, Flags.HAZMAT | Flags.HEAVY))
wh.add(Item("P-020", "Brush", Category.PAINT, Decimal("3.25"), 100))
wh.add(Item("G-001", "Shovel", Category.GARDEN, Decimal("22.10"), 5, Flags.HEAVY))
wh.add(Item("G-002", "Seed pack", Category.GARDEN, Decimal("1.99"), 250, tags=["seasonal"]))

try:
    wh.add(Item("G-002", "dup", Category.GARDEN, Decimal(1)))
except StockError as e:
    print("error:", e)

orders = [
    Order(Priority.NORMAL, 1, (("T-100", 2), ("P-020", 10))),
    Order(Priority.URGENT, 2, (("G-001", 5),)),
    Order(Priority.LOW, 3, (("P-010", 9),)),
    Order(Priority.URGENT, 4, (("G-001", 1), ("T-200", 1))),
    Order(Priority.NORMAL, 5, (("X-999", 1),)),
]

for order in sorted(orders, reverse=True):
    try:
        wh.fulfil(order)
    except OutOfStock as e:
        print(f"order {order.number}: out of stock: {e} (short by {e.wanted - e.have})")
    except StockError as e:
        print(f"order {order.number}: {e}")
print("\n".join(wh.log))

print(f"{'SKU':<6} {'Name':<16} {'Cat':>7} {'Price':>8} {'Qty':>5} {'Value':>10}  Flags")
print("-" * 70)
for item in wh:
    flags = "|".join(f.name for f in Flags if f and f in item.flags) or "-"
    print(f"{item.sku:<6} {item.name:<16.16} {str(item.category):>7} {item.price:>8} "
          f"{item.qty:>5d} {item.value:>10,.2f}  {flags}")
print(f"{'total':>48} {wh.total_value:>10,.2f}")

by_cat = defaultdict(list)
for item in wh:
    by_cat[item.category].append(item.sku)
for cat, skus in by_cat.items():
    print(cat, cat.name, repr(cat), skus)

heavy = [i.sku for i in wh if Flags.HEAVY in i.flags]
print("heavy:", heavy)
print(Flags.HAZMAT | Flags.HEAVY, repr(Flags.FRAGILE | Flags.HEAVY), Flags(0))
print(Priority.URGENT > Priority.LOW, Priority(2), int(Priority.URGENT), list(Priority))
print(Counter(i.category.name for i in wh).most_common())

d = asdict(wh["T-100"])
print(d)
cheaper = replace(wh["T-100"], price=Decimal("9.99"))
print(cheaper.value, cheaper == wh["T-100"], cheaper < wh["T-200"])
print(Order(Priority.LOW, 9, ()) < Order(Priority.LOW, 10, ((1, 2),)))
try:
    orders[0].number = 7
except Exception as e:
    print(type(e).__name__, e)
print(max(wh, key=lambda i: i.value).name, min(wh).sku)
wh["nope"]
