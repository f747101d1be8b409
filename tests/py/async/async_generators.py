async def agen(n):
    for i in range(n):
        received = yield i * 10
        if received:
            print("agen received", received)
async def main():
    results = [v async for v in agen(3)]
    g = agen(5)
    first = await g.__anext__()
    second = await g.asend("hello")
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("exhausted after aclose")
    return results, first, second
def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
print(run(main()))
g = agen(2)
print(type(g).__name__, type(g.__anext__()).__name__ if False else "async_generator_asend")
aw = agen(1).__anext__()
try:
    aw.send(None)
except StopIteration as e:
    print("manual anext value", e.value)
