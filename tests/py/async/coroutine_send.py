async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return y
c = main()
print(type(c).__name__)
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
c2 = add(1, 1)
c2.close()
print("closed without running")
import types
@types.coroutine
def suspend(v):
    got = yield v
    return got
async def uses_suspend():
    a = await suspend("first")
    b = await suspend("second")
    return a + b
co = uses_suspend()
print(co.send(None))
print(co.send("A"))
try:
    co.send("B")
except StopIteration as e:
    print("done", e.value)
