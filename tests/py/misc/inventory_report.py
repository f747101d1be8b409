from dataclasses import dataclass
from collections import defaultdict
@dataclass
class Item:
    sku: str
    category: str
    qty: int
    price: float
rows = """A1,tools,10,2.50
B7,garden,3,19.99
A2,tools,0,4.00
C3,kitchen,25,1.25
B8,garden,12,7.50
C9,kitchen,4,12.00"""
items = []
for line in rows.splitlines():
    sku, cat, qty, price = line.split(",")
    items.append(Item(sku, cat, int(qty), float(price)))
by_cat = defaultdict(list)
for it in items:
    by_cat[it.category].append(it)
print(f"{'category':<10}{'items':>6}{'units':>7}{'value':>10}")
for cat in sorted(by_cat):
    group = by_cat[cat]
    value = sum(i.qty * i.price for i in group)
    print(f"{cat:<10}{len(group):>6}{sum(i.qty for i in group):>7}{value:>10.2f}")
print("out of stock:", [i.sku for i in items if i.qty == 0])
print("most valuable:", max(items, key=lambda i: i.qty * i.price).sku)
