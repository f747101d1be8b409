import asyncio, contextlib, time

async def worker(name, q, results, delay):
    while True:
        item = await q.get()
        try:
            if item is None:
                return f"{name} done"
            await asyncio.sleep(delay)
            if item == 7:
                raise ValueError(f"bad item {item}")
            results.append((name, item * item))
        except ValueError as e:
            results.append((name, str(e)))
        finally:
            q.task_done()

async def producer(q, n):
    for i in range(n):
        await q.put(i)
    return n

async def slow(x, d):
    await asyncio.sleep(d)
    return x

async def failing(msg):
    await asyncio.sleep(0)
    raise RuntimeError(msg)

async def main():
    q = asyncio.Queue(maxsize=3)
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", q, results, 0.001 * (i + 1)), name=f"worker-{i}") for i in range(3)]
    n = await producer(q, 10)
    await q.join()
    for _ in workers:
        await q.put(None)
    done = await asyncio.gather(*workers)
    print(n, sorted(r[1] for r in results if isinstance(r[1], int)), [r for r in results if isinstance(r[1], str)][0][1], done)
    print(workers[0].get_name(), workers[0].done(), workers[0].result())

    r = await asyncio.gather(slow(1, 0.01), failing("x"), slow(3, 0), return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in r])
    try:
        await asyncio.gather(slow(1, 0.01), failing("first"))
    except RuntimeError as e:
        print("gather raised", e)
    try:
        await asyncio.wait_for(slow("late", 1), timeout=0.01)
    except asyncio.TimeoutError as e:
        print("timeout", type(e).__name__, isinstance(e, TimeoutError))
    print(await asyncio.wait_for(slow("fast", 0), timeout=1))
    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0)
    print("timeout cm expired:", cm.expired())
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print("asyncio.timeout fired")
    tasks = [asyncio.create_task(slow(i, 0.05 * (3 - i))) for i in range(3)]
    order = []
    for fut in asyncio.as_completed(tasks):
        order.append(await fut)
    print("as_completed", order)
    done, pending = await asyncio.wait([asyncio.create_task(slow(1, 0)), asyncio.create_task(slow(2, 0.5))],
                                       return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [t.result() for t in done])
    for t in pending:
        t.cancel()
    res = await asyncio.gather(*pending, return_exceptions=True)
    print([type(x).__name__ for x in res])
    t = asyncio.create_task(slow(1, 10))
    await asyncio.sleep(0)
    t.cancel("stop please")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled", e.args, t.cancelled())
    ev = asyncio.Event()
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    active = []
    async def guarded(i):
        async with sem:
            active.append(i)
            await ev.wait()
            async with lock:
                return i * 10
    gs = [asyncio.create_task(guarded(i)) for i in range(4)]
    await asyncio.sleep(0.01)
    print("active before set", sorted(active))
    ev.set()
    print(await asyncio.gather(*gs))
    cond = asyncio.Condition()
    box = []
    async def consumer():
        async with cond:
            await cond.wait_for(lambda: box)
            return box.pop()
    c = asyncio.create_task(consumer())
    await asyncio.sleep(0)
    async with cond:
        box.append("item")
        cond.notify_all()
    print(await c)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "via call_soon")
    print(await fut)
    print(await loop.run_in_executor(None, sum, [1, 2, 3]))
    print(await asyncio.to_thread(lambda: "to_thread ok"))
    async def agen():
        for i in range(3):
            yield i
            await asyncio.sleep(0)
    print([x async for x in agen()])
    @contextlib.asynccontextmanager
    async def resource(name):
        print("open", name)
        try:
            yield name.upper()
        finally:
            print("close", name)
    async with resource("db") as r:
        print("using", r)
    async with contextlib.AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource("a"))
        b = await stack.enter_async_context(resource("b"))
        print(a, b)
    pq = asyncio.PriorityQueue()
    for p in [3, 1, 2]:
        pq.put_nowait((p, f"job{p}"))
    print([pq.get_nowait() for _ in range(3)])
    lq = asyncio.LifoQueue()
    for i in range(3):
        await lq.put(i)
    print([await lq.get() for _ in range(3)])
    try:
        asyncio.Queue(maxsize=1).get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    qf = asyncio.Queue(1); qf.put_nowait(1)
    try:
        qf.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    sh = asyncio.shield(slow("shielded", 0))
    print(await sh)
    print(asyncio.current_task().get_name(), len(asyncio.all_tasks()) >= 1)
    return "main done"

print(asyncio.run(main()))
try:
    asyncio.run(failing("top"))
except RuntimeError as e:
    print("top-level", e)
async def nested():
    c = slow(1, 0)
    try:
        asyncio.run(c)
    finally:
        c.close()
try:
    asyncio.run(nested())
except RuntimeError as e:
    print(e)
coro = slow(1, 0)
try:
    asyncio.run(5)
except ValueError as e:
    print(e)
coro.close()
