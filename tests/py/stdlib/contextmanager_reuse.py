# A @contextmanager object is one-shot: entering it again fails with the
# AttributeError CPython gives (on 'args', the first field it drops),
# both for the sync and the async kind.
import asyncio
import contextlib


@contextlib.contextmanager
def once():
    yield "v"


cm = once()
with cm as v:
    print(v)
try:
    with cm:
        pass
except AttributeError as e:
    print("AttributeError:", e)


@contextlib.asynccontextmanager
async def aonce():
    yield "av"


async def main():
    acm = aonce()
    async with acm as v:
        print(v)
    try:
        async with acm:
            pass
    except AttributeError as e:
        print("AttributeError:", e)

asyncio.run(main())
