# Inventory management: dataclasses, enums, multi-key sorting, grouping, reports.
from __future__ import annotations

import enum
from collections import defaultdict
from dataclasses import dataclass, field, asdict, replace
from functools import total_ordering
from operator import attrgetter, itemgetter


class Category(enum.Enum):
    TOOLS = "tools"
    FOOD = "food"
    TOYS = "toys"
    BOOKS = "books"

    def __str__(self):
        return self.value.title()


class Flag(enum.IntFlag):
    NONE = 0
    FRAGILE = 1
    PERISHABLE = 2
    HEAVY = 4


@total_ordering
@dataclass(frozen=True)
class Sku:
    prefix: str
    number: int

    def __str__(self):
        return f"{self.prefix}-{self.number:04d}"

    def __lt__(self, other):
        if not isinstance(other, Sku):
            return NotImplemented
        return (self.prefix, self.number) < (other.prefix, other.number)


@dataclass
class Item:
    sku: Sku
    name: str
    category: Category
    price_cents: int
    qty: int = 0
    flags: Flag = Flag.NONE
    tags: list[str] = field(default_factory=list)

    @property
    def value_cents(self) -> int:
        return self.price_cents * self.qty

    def price(self) -> str:
        return f"${self.price_cents // 100}.{self.price_cents % 100:02d}"


class OutOfStock(Exception):
    pass


class Inventory:
    def __init__(self):
        self._items: dict[Sku, Item] = {}
        self.log: list[tuple[str, str, int]] = []

    def add(self, item: Item):
        if item.sku in self._items:
            raise KeyError(f"duplicate sku {item.sku}")
        self._items[item.sku] = item

    def restock(self, sku: Sku, n: int):
        self._items[sku].qty += n
        self.log.append(("in", str(sku), n))

    def sell(self, sku: Sku, n: int):
        item = self._items[sku]
        if item.qty < n:
            raise OutOfStock(f"{item.name}: want {n}, have {item.qty}")
        self._items[sku] = replace(item, qty=item.qty - n)
        self.log.append(("out", str(sku), n))

    def __iter__(self):
        return iter(sorted(self._items.values(), key=attrgetter("sku")))

    def __len__(self):
        return len(self._items)

    def by_category(self):
        groups = defaultdict(list)
        for item in self:
            groups[item.category].append(item)
        return groups

    def total_value(self):
        return sum(i.value_cents for i in self)


inv = Inventory()
rows = [
    ("T", 12, "Hammer", Category.TOOLS, 1599, 10, Flag.HEAVY, ["steel"]),
    ("T", 3, "Screwdriver", Category.TOOLS, 499, 25, Flag.NONE, []),
    ("F", 7, "Apples", Category.FOOD, 299, 40, Flag.PERISHABLE, ["fruit", "red"]),
    ("F", 2, "Eggs", Category.FOOD, 349, 12, Flag.PERISHABLE | Flag.FRAGILE, []),
    ("Y", 1, "Kite", Category.TOYS, 2250, 3, Flag.FRAGILE, ["outdoor"]),
    ("B", 40, "Atlas", Category.BOOKS, 3999, 2, Flag.HEAVY, []),
    ("B", 5, "Novel", Category.BOOKS, 1299, 7, Flag.NONE, ["fiction"]),
    ("Y", 9, "Yo-yo", Category.TOYS, 350, 0, Flag.NONE, []),
]
for prefix, num, name, cat, price, qty, flags, tags in rows:
    inv.add(Item(Sku(prefix, num), name, cat, price, qty, flags, tags))

try:
    inv.add(Item(Sku("T", 3), "Dup", Category.TOOLS, 1))
except KeyError as e:
    print("error:", e)

inv.restock(Sku("Y", 9), 15)
inv.sell(Sku("F", 7), 15)
try:
    inv.sell(Sku("Y", 1), 5)
except OutOfStock as e:
    print("out of stock:", e)

print(f"{'SKU':<8}{'Name':<13}{'Category':<9}{'Price':>8}{'Qty':>5}{'Value':>10}  Flags")
for it in inv:
    flags = "|".join(f.name for f in Flag if f and f in it.flags) or "-"
    print(f"{str(it.sku):<8}{it.name:<13}{str(it.category):<9}{it.price():>8}"
          f"{it.qty:>5}{it.value_cents / 100:>10,.2f}  {flags}")
print(f"items={len(inv)} total=${inv.total_value() / 100:,.2f}")

print("-- by category value desc, then name")
groups = inv.by_category()
summary = sorted(((cat, sum(i.value_cents for i in items), len(items))
                  for cat, items in groups.items()),
                 key=lambda t: (-t[1], t[0].value))
for cat, val, n in summary:
    print(f"  {cat!s:>6}: {n} items, {val:>7} cents")

print("-- sorted by qty desc, price asc")
for it in sorted(inv, key=lambda i: (-i.qty, i.price_cents)):
    print(" ", it.name, it.qty, it.price_cents)

print("-- stable multi-pass sort (name, then category)")
items = sorted(inv, key=attrgetter("name"))
items.sort(key=lambda i: i.category.name)
print([i.name for i in items])

print("-- flags")
fragile = [i.name for i in inv if Flag.FRAGILE in i.flags]
print("fragile:", fragile)
print(Flag.PERISHABLE | Flag.FRAGILE, int(Flag.HEAVY | Flag.FRAGILE), Flag(6))
print(repr(Flag.FRAGILE), Category("food"), Category.TOYS.name, list(Category)[:2])

print("-- asdict")
d = asdict(next(iter(inv)))
print(sorted(d), d["sku"], d["tags"])
print(sorted(inv.log, key=itemgetter(2, 1)))
print(Sku("A", 1) < Sku("A", 2), Sku("B", 1) >= Sku("A", 9), Sku("A", 1) == Sku("A", 1))
print(hash(Sku("A", 1)) == hash(Sku("A", 1)), max(i.sku for i in inv), min(inv, key=attrgetter("price_cents")).name)
tag_index = defaultdict(set)
for it in inv:
    for t in it.tags:
        tag_index[t].add(it.name)
print({k: sorted(v) for k, v in sorted(tag_index.items())})
