# anext(iterator, default): the default once the async iterator is
# exhausted; __anext__ is called at once, errors other than
# StopAsyncIteration propagate.
import asyncio


async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


class Countdown:
    def __init__(self, n):
        self.n = n
        self.calls = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.calls += 1
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n


class Broken:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise KeyError("broken")


async def main():
    g = agen(2)
    print(await anext(g), await anext(g, "dflt"), await anext(g, "dflt"), await anext(g, None))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration without a default")
    c = Countdown(1)
    aw = anext(c, "end")
    print("calls before await", c.calls)
    print(await aw, await anext(c, "end"), await anext(c, []), c.calls)
    try:
        await anext(Broken(), 0)
    except KeyError as e:
        print("KeyError", e)
    try:
        anext(iter([]), 0)
    except TypeError as e:
        print(e)
    # Typical use: first item or a fallback.
    async def first(ait, fallback):
        return await anext(aiter(ait), fallback)
    print(await first(agen(3), "none"), await first(agen(0), "none"))


asyncio.run(main())
