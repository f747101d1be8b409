import types
@types.coroutine
def tick():
    yield
class Resource:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print("acquire", self.name)
        await tick()
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("release", self.name, et.__name__ if et else None)
        await tick()
        return et is KeyError
async def main():
    async with Resource("db") as r:
        print("using", r)
    async with Resource("cache"):
        raise KeyError("suppressed")
    try:
        async with Resource("file"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", e)
    return "ok"
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
print(run(main()))
