# MemoryBIO and SSLObject (SSLContext.wrap_bio): a TLS client and server
# that talk only through memory buffers, pumped by hand, as asyncio's
# sslproto does.
import os
import re
import ssl

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ssl_data')

# MemoryBIO on its own.
b = ssl.MemoryBIO()
print(b.pending, b.eof, b.read(), b.write(b'hello'), b.write(bytearray(b' world')), b.pending)
print(b.read(3), b.read(), b.pending, b.eof)
b.write(memoryview(b'abc'))
b.write_eof()
print(b.eof, b.read(-1), b.eof)
for arg in ('text', 5):
    try:
        b.write(arg)
    except TypeError as e:
        print('TypeError', e)
try:
    b.write(b'late')
except ssl.SSLError as e:
    print(type(e).__name__, e)
try:
    ssl.MemoryBIO(1)
except TypeError as e:
    print('TypeError', e)

server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(DATA, 'server.pem'), os.path.join(DATA, 'server_key.pem'))
server_ctx.set_alpn_protocols(['echo/1'])
client_ctx = ssl.create_default_context(cafile=os.path.join(DATA, 'ca.pem'))
client_ctx.set_alpn_protocols(['echo/1'])


class End:
    def __init__(self, ctx, server_side, hostname=None):
        self.incoming = ssl.MemoryBIO()
        self.outgoing = ssl.MemoryBIO()
        self.obj = ctx.wrap_bio(self.incoming, self.outgoing, server_side=server_side, server_hostname=hostname)


def pump(a, z):
    moved = 0
    for src, dst in ((a, z), (z, a)):
        data = src.outgoing.read()
        if data:
            dst.incoming.write(data)
            moved += len(data)
    return moved


def step(end, fn, *args):
    try:
        return fn(*args)
    except (ssl.SSLWantReadError, ssl.SSLWantWriteError) as e:
        return type(e).__name__


client = End(client_ctx, False, 'localhost')
server = End(server_ctx, True)
print(type(client.obj).__name__, client.obj.server_side, server.obj.server_side, client.obj.server_hostname)
print(client.obj.version(), client.obj.cipher(), client.obj.pending())
rounds = []
done = [False, False]
for _ in range(10):
    for i, end in enumerate((client, server)):
        if not done[i]:
            r = step(end, end.obj.do_handshake)
            rounds.append(r)
            done[i] = r is None
    if not pump(client, server) and all(done):
        break
print(rounds)
print(client.obj.version(), server.obj.version(), client.obj.cipher()[0], server.obj.cipher()[1])
print(client.obj.selected_alpn_protocol(), server.obj.selected_alpn_protocol())
print(client.obj.getpeercert()['subject'][-1], server.obj.getpeercert())
print(len(client.obj.getpeercert(True)), client.obj.get_channel_binding('tls-unique') is not None)
print(type(client.obj.session).__name__, client.obj.session_reused)

# Application data both ways.
print(client.obj.write(b'ping over memory'))
pump(client, server)
print(server.obj.pending(), server.obj.read(4), server.obj.pending(), server.obj.read())
print(step(server, server.obj.read))
print(server.obj.write(b'pong' * 1000))
pump(client, server)
got = b''
while True:
    r = step(client, client.obj.read, 1024)
    if not isinstance(r, bytes):
        print('then', r)
        break
    got += r
print(len(got), got[:8])
buf = bytearray(10)
server.obj.write(b'into a buffer')
pump(client, server)
print(client.obj.read(10, buf), buf, client.obj.pending(), client.obj.read())

# Close: each side's unwrap sends close_notify and reads the other's.
print(step(client, client.obj.unwrap))
pump(client, server)
print(step(server, server.obj.unwrap))
pump(client, server)
print(step(client, client.obj.unwrap))
try:
    client.obj.read()
except ssl.SSLZeroReturnError as e:
    print(type(e).__name__, e.errno, e)

# A broken peer: garbage instead of a ServerHello.
bad = End(client_ctx, False, 'localhost')
print(step(bad, bad.obj.do_handshake))
bad.incoming.write(b'HTTP/1.1 400 Bad Request\r\n\r\n')
try:
    bad.obj.do_handshake()
except ssl.SSLError as e:
    print(type(e).__name__, e.library, e.reason, re.sub(r' \(_ssl\.c:\d+\)', '', str(e)))
# EOF from the transport in the middle of the handshake.
eof = End(client_ctx, False, 'localhost')
step(eof, eof.obj.do_handshake)
eof.incoming.write_eof()
try:
    eof.obj.do_handshake()
except ssl.SSLError as e:
    print(type(e).__name__, e.library, e.reason, e)

# Misuse.
for host in (b'.example.com', 42):
    try:
        client_ctx.wrap_bio(ssl.MemoryBIO(), ssl.MemoryBIO(), server_hostname=host)
    except (ValueError, TypeError, AttributeError) as e:
        print(type(e).__name__, e)
try:
    client_ctx._wrap_bio(b'x', ssl.MemoryBIO(), False)
except TypeError as e:
    print('TypeError', e)
try:
    ssl.SSLObject()
except TypeError as e:
    print('TypeError', e)

# The message callback (a debugging hook) sees every handshake message.
log = []
cctx = ssl.create_default_context(cafile=os.path.join(DATA, 'ca.pem'))
cctx.maximum_version = ssl.TLSVersion.TLSv1_2
cctx._msg_callback = lambda conn, direction, v, ct, mt, data: log.append(
    (type(conn).__name__, direction, str(v), str(ct), str(mt)))
print(callable(cctx._msg_callback))
c2 = End(cctx, False, 'localhost')
s2 = End(server_ctx, True)
for _ in range(10):
    for end in (c2, s2):
        step(end, end.obj.do_handshake)
    if not pump(c2, s2):
        break
print(c2.obj.version())
for entry in log:
    print(entry)
cctx._msg_callback = None
print(cctx._msg_callback)
