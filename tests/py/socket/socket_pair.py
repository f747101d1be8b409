# socketpair: send/recv, recv_into, sendall of a large buffer through a
# thread, dup/detach/fileno, and the AF_UNIX address forms.
import socket
import threading

a, b = socket.socketpair()
print(a.family, a.type, b.getsockname(), a.getpeername())
a.send(b'abc')
print(b.recv(10))
b.sendall(memoryview(b'0123456789'))
buf = bytearray(4)
print(a.recv_into(buf), buf)
buf = bytearray(10)
print(a.recv_into(buf, 3), buf)
print(a.recv(100))

big = bytes(range(256)) * 4096
out = []


def reader():
    total = bytearray()
    while len(total) < len(big):
        chunk = b.recv(65536)
        if not chunk:
            break
        total += chunk
    out.append(bytes(total))


t = threading.Thread(target=reader)
t.start()
a.sendall(big)
t.join()
print(len(out[0]), out[0] == big)

d = a.dup()
d.send(b'via dup')
print(b.recv(100))
d.close()
fd = a.detach()
print(a.fileno(), fd >= 0)
a2 = socket.socket(fileno=fd)
print(a2.family, a2.type, a2.proto)
a2.send(b'again')
print(b.recv(100))
a2.close()
print(b.recv(100))
b.close()

# recvfrom / sendto on a datagram pair
x, y = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
print(x.type)
x.send(b'dgram')
print(y.recvfrom(100))
x.close()
y.close()

# A named AF_UNIX listener in a temp directory.
import os
import tempfile
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, 'sock')
    s = socket.socket(socket.AF_UNIX)
    s.bind(path)
    s.listen(1)
    print(s.getsockname() == path)
    c = socket.socket(socket.AF_UNIX)
    c.connect(path)
    conn, addr = s.accept()
    print(repr(addr))
    c.sendall(b'unix')
    print(conn.recv(10))
    for sock in (c, conn, s):
        sock.close()
