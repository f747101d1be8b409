# A coroutine that is created but never awaited gets CPython's
# RuntimeWarning when it dies, at the line running then, once; one that was
# closed, awaited or started does not. The warning obeys the filters.
import asyncio
import gc
import sys
import warnings


async def work(n):
    await asyncio.sleep(0)
    return n * 2


async def main():
    work(1)                      # forgot await: warned at this line
    r = await work(2)
    print("awaited", r)
    pending = [work(i) for i in range(2)]
    del pending                  # two warnings, both at this line
    c = work(5)
    c.close()                    # closed before it ran: no warning
    print("closed")
    s = work(6)
    s.send(None)                 # started: closing it is not a warning
    s.close()
    print("started then closed")


asyncio.run(main())
sys.stderr.flush()


class Holder:
    pass


h = Holder()
h.self = h
h.c = work(9)
del h
gc.collect()                     # the cycle dies here
sys.stderr.flush()
print("after collect")

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    work(3)
    print(len(caught), caught[0].category.__name__, caught[0].message)
    print("source is the coroutine:", type(caught[0].source).__name__)

with warnings.catch_warnings():
    warnings.simplefilter("ignore", RuntimeWarning)
    work(4)
    print("ignored")


def drop_in_function():
    x = work(7)
    y = 1
    x = None                     # dies on this line
    return y


drop_in_function()
sys.stderr.flush()
print("end")
