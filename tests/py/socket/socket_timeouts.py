# Timeouts: a socket with a timeout is non-blocking underneath and waits with
# poll(); socket.timeout is TimeoutError.
import socket

print(socket.timeout is TimeoutError, socket.error is OSError)
print(socket.getdefaulttimeout())
a, b = socket.socketpair()
print(b.gettimeout(), b.getblocking(), b.timeout)
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking(), b.timeout)
try:
    b.recv(1)
except socket.timeout as e:
    print(type(e).__name__, e, e.args, e.errno)
b.settimeout(0)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(1)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
b.setblocking(True)
print(b.gettimeout(), b.getblocking())
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
b.settimeout(None)
a.send(b'ready')
print(b.recv(10))
for bad in [-1, -0.5, float('nan')]:
    try:
        b.settimeout(bad)
    except ValueError as e:
        print('ValueError', e)

# The default timeout applies to sockets created afterwards.
socket.setdefaulttimeout(0.05)
print(socket.getdefaulttimeout())
srv = socket.socket()
print(srv.gettimeout())
srv.bind(('127.0.0.1', 0))
srv.listen()
try:
    srv.accept()
except TimeoutError as e:
    print('accept', e)
socket.setdefaulttimeout(None)
print(socket.socket().gettimeout())

# A timed connect that succeeds, then a timed recv on it.
c = socket.create_connection(srv.getsockname(), timeout=2)
print(c.gettimeout())
conn, _ = srv.accept()
c.settimeout(0.05)
try:
    c.recv(10)
except TimeoutError as e:
    print('recv', e)
conn.sendall(b'late')
print(c.recv(10))
for s in (a, b, c, conn, srv):
    s.close()

# A listener whose accept queue is full drops further SYNs: a timed connect
# then runs out of time (connect_ex reports EWOULDBLOCK instead of raising).
import errno
full = socket.socket()
full.bind(('127.0.0.1', 0))
full.listen(0)
first = socket.create_connection(full.getsockname(), timeout=2)
second = socket.socket()
second.settimeout(0.1)
print(second.connect_ex(full.getsockname()) == errno.EWOULDBLOCK)
third = socket.socket()
third.settimeout(0.1)
try:
    third.connect(full.getsockname())
except TimeoutError as e:
    print('connect', e)
for s in (full, first, second, third):
    s.close()
