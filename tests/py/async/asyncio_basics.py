# asyncio on ftpy: a start_server/open_connection echo on 127.0.0.1, an async
# generator in an async comprehension, gather, wait_for's timeout.
import asyncio, sys, time
print(time.get_clock_info("monotonic").monotonic, sys.is_finalizing())
async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)
async def handle(reader, writer):
    data = await reader.readline()
    writer.write(data.upper())
    await writer.drain()
    writer.close()
    await writer.wait_closed()
async def main():
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection("127.0.0.1", port)
    w.write(b"hello asyncio\n")
    await w.drain()
    print(await r.readline())
    w.close()
    await w.wait_closed()
    server.close()
    await server.wait_closed()
    out = [x async for x in ticker(3)]
    res = await asyncio.gather(asyncio.sleep(0.01, result="a"), asyncio.sleep(0.02, result="b"))
    print(out, res)
    agen = ticker(10)
    print(await agen.__anext__())
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError:
        print("timeout")
    return "done"
print(asyncio.run(main()))
print(sys.get_asyncgen_hooks())
