# TLS under contention: one server context and one client context shared by
# every thread; per connection, two writer threads send length-prefixed
# frames (some far bigger than a socket buffer, so OpenSSL sends them in
# parts) while a reader thread on the same TLS socket checks every echoed
# frame arrives whole; meanwhile a thread churns context settings and the
# collector runs. Exits 0 when every frame came back intact.
import gc
import os
import random
import socket
import ssl
import struct
import sys
import threading

DATA = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'py', 'stdlib', 'ssl_data')
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(DATA, 'server.pem'), os.path.join(DATA, 'server_key.pem'))
client_ctx = ssl.create_default_context(cafile=os.path.join(DATA, 'ca.pem'))

CONNS = 4
FRAMES = 40  # per writer
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen(CONNS)
port = srv.getsockname()[1]
errors = []


def echo(conn):
    try:
        with server_ctx.wrap_socket(conn, server_side=True) as tls:
            while True:
                data = tls.recv(65536)
                if not data:
                    break
                tls.sendall(data)
    except Exception as e:
        errors.append(('server', repr(e)))


def acceptor():
    hs = []
    for _ in range(CONNS):
        conn, _ = srv.accept()
        t = threading.Thread(target=echo, args=(conn,))
        t.start()
        hs.append(t)
    for t in hs:
        t.join()


def frame(writer, i):
    rnd = random.Random(writer * 1000 + i)
    size = rnd.choice([10, 1000, 20000, 300000])
    body = bytes([(writer * 31 + i) % 251]) * size
    return struct.pack('!III', writer, i, size) + body


def connection(k):
    c = client_ctx.wrap_socket(socket.create_connection(('127.0.0.1', port)), server_hostname='localhost')
    expected = {w: set(range(FRAMES)) for w in (0, 1)}

    def writer(w):
        try:
            for i in range(FRAMES):
                c.sendall(frame(w, i))
        except Exception as e:
            errors.append(('writer', k, repr(e)))

    def reader():
        buf = b''
        try:
            while any(expected.values()):
                data = c.recv(65536)
                if not data:
                    errors.append(('eof', k))
                    return
                buf += data
                while len(buf) >= 12:
                    w, i, size = struct.unpack('!III', buf[:12])
                    if len(buf) < 12 + size:
                        break
                    if buf[:12 + size] != frame(w, i):
                        errors.append(('corrupt frame', k, w, i))
                        return
                    expected[w].discard(i)
                    buf = buf[12 + size:]
        except Exception as e:
            errors.append(('reader', k, repr(e)))

    ts = [threading.Thread(target=reader)] + [threading.Thread(target=writer, args=(w,)) for w in (0, 1)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    c.close()


stop = threading.Event()


def churn():
    n = 0
    while not stop.is_set():
        server_ctx.options ^= ssl.OP_NO_TICKET
        server_ctx.set_alpn_protocols(['a%d' % (n % 3), 'http/1.1'])
        client_ctx.verify_flags ^= ssl.VERIFY_X509_TRUSTED_FIRST
        client_ctx.get_ciphers()
        client_ctx.cert_store_stats()
        if n % 10 == 0:
            gc.collect()
        n += 1


acc = threading.Thread(target=acceptor)
acc.start()
ch = threading.Thread(target=churn)
ch.start()
conns = [threading.Thread(target=connection, args=(k,)) for k in range(CONNS)]
for t in conns:
    t.start()
for t in conns:
    t.join()
stop.set()
ch.join()
acc.join()
srv.close()
if errors:
    print(errors[:5])
    sys.exit(1)
print('ok')
