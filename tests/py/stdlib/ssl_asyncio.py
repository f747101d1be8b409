# asyncio over TLS (sslproto drives SSLObject over MemoryBIOs): an echo
# server from asyncio.start_server(ssl=...) and clients from open_connection.
import asyncio
import os
import ssl

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ssl_data')
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(DATA, 'server.pem'), os.path.join(DATA, 'server_key.pem'))
client_ctx = ssl.create_default_context(cafile=os.path.join(DATA, 'ca.pem'))
seen = []


async def handle(reader, writer):
    sslobj = writer.get_extra_info('ssl_object')
    seen.append((sslobj.server_side, sslobj.version()))
    while True:
        line = await reader.readline()
        if not line:
            break
        writer.write(line.upper())
        await writer.drain()
    writer.close()
    await writer.wait_closed()


async def client(port, name, lines):
    reader, writer = await asyncio.open_connection('127.0.0.1', port, ssl=client_ctx, server_hostname='localhost')
    sslobj = writer.get_extra_info('ssl_object')
    cert = writer.get_extra_info('peercert')
    out = [name, sslobj.version(), writer.get_extra_info('cipher')[1], cert['subject'][-1][0][1]]
    for line in lines:
        writer.write(line.encode() + b'\n')
        await writer.drain()
        out.append((await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    return out


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0, ssl=server_ctx)
    port = server.sockets[0].getsockname()[1]
    async with server:
        results = await asyncio.gather(
            client(port, 'a', ['hello', 'tls']),
            client(port, 'b', ['x' * 3000]),
            client(port, 'c', ['one', 'two', 'three']),
        )
    for r in results:
        print([x if len(x) < 50 else (len(x), x[:5]) for x in r])
    print(sorted(seen))
    try:
        await asyncio.open_connection('127.0.0.1', port, ssl=client_ctx, server_hostname='localhost')
    except OSError as e:
        print(type(e).__name__)


asyncio.run(main())
