# sys.set_asyncgen_hooks / get_asyncgen_hooks: firstiter runs at an async
# generator's first iteration, the finalizer receives an unfinished one when
# it dies; asyncio uses both (shutdown_asyncgens, aclose of abandoned ones).
import asyncio
import gc
import sys

print(sys.get_asyncgen_hooks())
seen = []


def firstiter(agen):
    seen.append(("firstiter", agen.__name__))


finalized = []


def finalizer(agen):
    finalized.append(agen)


async def numbers():
    try:
        yield 1
        yield 2
    finally:
        print("numbers finally")


def drive(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value


old = sys.get_asyncgen_hooks()
sys.set_asyncgen_hooks(firstiter=firstiter, finalizer=finalizer)
hooks = sys.get_asyncgen_hooks()
print(hooks.firstiter is firstiter, hooks.finalizer is finalizer, hooks[0] is firstiter, len(hooks))
g = numbers()
print(seen)
print(drive(g.__anext__()))
print(seen)
del g
gc.collect()
print(len(finalized), finalized[0].__name__)
# The finalizer got the generator back: closing it runs its finally block.
drive(finalized[0].aclose())
finalized.clear()
# A finished generator is not handed to the finalizer.
g = numbers()
drive(g.__anext__())
drive(g.__anext__())
try:
    drive(g.__anext__())
except StopAsyncIteration:
    print("exhausted")
del g
gc.collect()
print(len(finalized))
# Only the given hook changes; None clears one.
sys.set_asyncgen_hooks(finalizer=None)
print(sys.get_asyncgen_hooks().firstiter is firstiter, sys.get_asyncgen_hooks().finalizer)
for bad in [dict(firstiter=1), dict(finalizer="x")]:
    try:
        sys.set_asyncgen_hooks(**bad)
    except TypeError as e:
        print("TypeError:", e)
sys.set_asyncgen_hooks(*old)
print(sys.get_asyncgen_hooks())


async def main():
    g = numbers()
    print("first", await g.__anext__())
    del g  # abandoned: asyncio's finalizer hook schedules aclose()
    for _ in range(3):
        await asyncio.sleep(0)
    gens = [x async for x in numbers()]
    return gens


print(asyncio.run(main()))
print(sys.get_asyncgen_hooks())
