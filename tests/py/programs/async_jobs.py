"""asyncio job runner: TaskGroup, timeouts, queues, cancellation, semaphores."""
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="-")
log = []


async def worker(name, q, results, sem):
    while True:
        item = await q.get()
        try:
            if item is None:
                return
            async with sem:
                await asyncio.sleep(item * 0.001)
                if item == 7:
                    raise ValueError(f"bad item {item}")
                results.append((name, item * item))
        except ValueError as e:
            log.append(f"worker: {e}")
        finally:
            q.task_done()


async def fetch(i, delay):
    token = request_id.set(f"req-{i}")
    try:
        await asyncio.sleep(delay)
        if i == 3:
            raise KeyError(i)
        return f"{request_id.get()} done"
    finally:
        request_id.reset(token)


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        log.append("slow cancelled")
        raise


async def main():
    q = asyncio.Queue(maxsize=3)
    results = []
    sem = asyncio.Semaphore(2)
    workers = [asyncio.create_task(worker(f"w{i}", q, results, sem), name=f"w{i}") for i in range(3)]
    for item in range(10):
        await q.put(item)
    for _ in workers:
        await q.put(None)
    await q.join()
    await asyncio.gather(*workers)
    print(sorted(r[1] for r in results), log)

    res = await asyncio.gather(*(fetch(i, 0.001 * i) for i in range(5)), return_exceptions=True)
    print([repr(r) for r in res], request_id.get())


    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timeout:", type(e).__name__)
    try:
        await asyncio.wait_for(asyncio.sleep(1), timeout=0.005)
    except asyncio.TimeoutError:
        print("wait_for timed out")

    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(fetch(1, 0.001))
            t2 = tg.create_task(fetch(3, 0.002))
            t3 = tg.create_task(slow())
    except* KeyError as eg:
        print("taskgroup:", [repr(e) for e in eg.exceptions], t1.result(), t3.cancelled())
    print(log[-1])
    t = asyncio.create_task(slow())
    await asyncio.sleep(0)
    t.cancel("stop it")
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled with", e.args, t.cancelled(), t.done())

    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(d, result=d)) for d in (0.001, 5)],
                                       return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), [d.result() for d in done])
    for p in pending:
        p.cancel()
    await asyncio.gather(*pending, return_exceptions=True)

    out = []
    async def agen(n):
        for i in range(n):
            await asyncio.sleep(0)
            yield i * 10
    async for v in agen(4):
        out.append(v)
    print(out, [x async for x in agen(3) if x], await anext(agen(2)))

    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "event seen"
    wt = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    ev.set()
    print(await wt)
    lock = asyncio.Lock()
    async with lock:
        print("locked", lock.locked())
    print(lock.locked())
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, 99)
    print(await fut)
    r = await loop.run_in_executor(None, sum, [1, 2, 3])
    print("executor", r)
    print(await asyncio.shield(fetch(0, 0)))
    for coro in asyncio.as_completed([fetch(i, 0.05 * (3 - i)) for i in (0, 1, 2)]):
        print(await coro)
    return "main done"


print(asyncio.run(main()))


async def crash():
    await asyncio.sleep(0)
    raise RuntimeError("unhandled in task")

try:
    asyncio.run(crash())
except RuntimeError as e:
    print("crash:", e)
