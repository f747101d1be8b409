import types
@types.coroutine
def tick():
    yield
class ARange:
    def __init__(self, n): self.i, self.n = 0, n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await tick()
        self.i += 1
        return self.i - 1
async def main():
    out = []
    async for v in ARange(4):
        out.append(v)
    else:
        out.append("else")
    return out
def run(coro):
    steps = 0
    while True:
        try:
            coro.send(None)
            steps += 1
        except StopIteration as e:
            return e.value, steps
print(run(main()))
