order = []
def outer():
    try:
        yield from inner()
    finally:
        order.append("outer finally")
def inner():
    try:
        yield 1
        yield 2
    finally:
        order.append("inner finally")
g = outer()
next(g)
g.close()
print(order)
order.clear()
def nested():
    for i in range(3):
        try:
            yield i
        finally:
            order.append(f"finally {i}")
n = nested()
for v in n:
    if v == 1:
        break
order.append("after break")
n.close()
print(order)
