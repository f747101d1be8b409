# Async resource management: asynccontextmanager, AsyncExitStack, aclosing,
# async generators, asyncio streams over a local server, timeouts, locks,
# and contextvars flowing into tasks.
import asyncio
import contextlib
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
log = []


@contextlib.asynccontextmanager
async def connection(name):
    log.append(f"open {name}")
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0)
        log.append(f"close {name}")


async def ticker(n):
    try:
        for i in range(n):
            yield i
            await asyncio.sleep(0)
    finally:
        log.append("ticker closed")


async def handle(reader, writer):
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def worker(i, lock, shared):
    request_id.set(f"req-{i}")
    await asyncio.sleep(0.001 * (3 - i))
    async with lock:
        shared.append((i, request_id.get()))


async def main():
    async with connection("db") as c1, connection("cache") as c2:
        log.append(f"using {c1} {c2}")
    print(log)
    log.clear()
    async with contextlib.AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connection(n)) for n in ("a", "b")]
        stack.push_async_callback(lambda: asyncio.sleep(0, log.append("async callback")))
        stack.callback(log.append, "sync callback")
        log.append(f"have {conns}")
    print(log)
    log.clear()
    try:
        async with contextlib.AsyncExitStack() as stack:
            await stack.enter_async_context(connection("x"))
            raise KeyError("inside")
    except KeyError as e:
        log.append(f"caught {e}")
    print(log)
    log.clear()
    async with contextlib.aclosing(ticker(10)) as t:
        async for i in t:
            if i == 2:
                break
    print(log, [i async for i in ticker(3)], log)
    agen = ticker(5)
    print(await agen.__anext__(), await anext(agen), await anext(ticker(0), "default"))
    await agen.aclose()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        for msg in (b"hello\n", b"async world\n"):
            writer.write(msg)
            await writer.drain()
            print(await reader.readline())
        writer.write_eof() if writer.can_write_eof() else None
        print(await reader.read())
        writer.close()
        await writer.wait_closed()

    lock = asyncio.Lock()
    shared = []
    await asyncio.gather(*(worker(i, lock, shared) for i in range(3)))
    print(sorted(shared), request_id.get())
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print("timeout context")
    cond = asyncio.Condition()
    ready = []

    async def waiter():
        async with cond:
            await cond.wait_for(lambda: ready)
            return ready[0]

    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    async with cond:
        ready.append("go")
        cond.notify_all()
    print(await t)
    q = asyncio.Queue(maxsize=2)
    await q.put(1)
    await q.put(2)
    try:
        q.put_nowait(3)
    except asyncio.QueueFull:
        print("QueueFull", q.qsize(), q.full())
    r = await asyncio.wait_for(asyncio.shield(asyncio.sleep(0, "shielded")), 1)
    print(r)
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(0, i)) for i in range(3)])
    print(sorted(d.result() for d in done), pending)
    res = []
    for coro in asyncio.as_completed([asyncio.sleep(0.002, "slow"), asyncio.sleep(0, "fast")]):
        res.append(await coro)
    print(res)
    print(await asyncio.to_thread(sum, [1, 2, 3]))


asyncio.run(main())
print(log)
