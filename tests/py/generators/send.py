def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
g = accumulator()
print(g.send(None))
print(g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
g = accumulator()
try:
    g.send(1)
except TypeError as e:
    print(type(e).__name__, e)
def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if len(received) == 3:
            return received
e = echo()
next(e)
e.send("a"); e.send("b")
try:
    e.send("c")
except StopIteration as s:
    print(s.value)
try:
    e.send("d")
except StopIteration as s:
    print("exhausted", s.value)
