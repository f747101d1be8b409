# TLS with threads: several clients at once against per-connection server
# threads; a thread blocked in a TLS read while the main thread runs the
# collector (which must not wait for it). Each client socket is used by one
# thread at a time here: CPython's SSL objects do not support a read and a
# write at once from two threads (its reference run hung now and then), so
# ftpy's full-duplex TLS is tested by tests/stress/ssl_shared_sockets.py.
import gc
import os
import socket
import ssl
import threading

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ssl_data')
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(DATA, 'server.pem'), os.path.join(DATA, 'server_key.pem'))
client_ctx = ssl.create_default_context(cafile=os.path.join(DATA, 'ca.pem'))

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen(16)
port = srv.getsockname()[1]


release = threading.Event()


def handle(conn):
    with server_ctx.wrap_socket(conn, server_side=True) as tls:
        while True:
            data = tls.recv(4096)
            if not data:
                break
            if data == b'wake up':
                release.wait()  # part 3: the client's reader stays blocked
            tls.sendall(data[::-1])


def accept_loop(n):
    workers = []
    for _ in range(n):
        conn, _ = srv.accept()
        w = threading.Thread(target=handle, args=(conn,))
        w.start()
        workers.append(w)
    for w in workers:
        w.join()


NCLIENTS = 4
acceptor = threading.Thread(target=accept_loop, args=(NCLIENTS + 2,))
acceptor.start()


def recv_exact(s, n):
    got = b''
    while len(got) < n:
        chunk = s.recv(n - len(got))
        if not chunk:
            break
        got += chunk
    return got


# 1. Clients in parallel.
results = {}


def client(i):
    with client_ctx.wrap_socket(socket.create_connection(('127.0.0.1', port)), server_hostname='localhost') as c:
        ok = 0
        for j in range(10):
            msg = ('client %d message %d ' % (i, j)).encode() * (j + 1)
            c.sendall(msg)
            if recv_exact(c, len(msg)) == msg[::-1]:
                ok += 1
        results[i] = (ok, c.version())


threads = [threading.Thread(target=client, args=(i,)) for i in range(NCLIENTS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(sorted(results.items()))

# 2. One connection, several round trips.
c = client_ctx.wrap_socket(socket.create_connection(('127.0.0.1', port)), server_hostname='localhost')
got = []
for word in (b'abcde', b'fghij', b'klmno'):
    c.sendall(word)
    got.append(recv_exact(c, 5))
print(b''.join(got))
c.close()

# 3. A blocked TLS read does not hold up the collector.
c = client_ctx.wrap_socket(socket.create_connection(('127.0.0.1', port)), server_hostname='localhost')
box = []
started = threading.Event()


def blocked_reader():
    c.sendall(b'wake up')
    started.set()
    box.append(c.recv(100))  # blocks until the server is released


r = threading.Thread(target=blocked_reader)
r.start()
started.wait()
threading.Event().wait(0.1)
for _ in range(3):
    gc.collect()
print('collected while a reader was blocked')
release.set()
r.join()
print(box)
c.close()
acceptor.join()
srv.close()
