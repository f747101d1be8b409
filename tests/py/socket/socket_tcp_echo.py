# A TCP echo server on 127.0.0.1 served by a thread, and a client.
import socket
import threading

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
srv.bind(('127.0.0.1', 0))
srv.listen()
host, port = srv.getsockname()
print(host, 0 < port < 65536)
print(srv.family, srv.type, srv.proto, srv.timeout)
print(repr(srv.family), repr(srv.type))

received = []


def serve(count):
    for _ in range(count):
        conn, addr = srv.accept()
        with conn:
            received.append(addr[0])
            while True:
                data = conn.recv(1024)
                if not data:
                    break
                conn.sendall(data.upper())


t = threading.Thread(target=serve, args=(2,))
t.start()

c = socket.create_connection(('127.0.0.1', port))
print(c.getpeername() == ('127.0.0.1', port))
print(c.getsockname()[0])
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
for msg in [b'hello', b'world', b'x' * 10]:
    c.sendall(msg)
    got = b''
    while len(got) < len(msg):
        got += c.recv(1024)
    print(got)
c.shutdown(socket.SHUT_WR)
print(c.recv(10))
c.close()
print(c.fileno(), c._closed)

# makefile() on a second connection: buffered line reads and writes.
c = socket.socket()
c.connect(('127.0.0.1', port))
f = c.makefile('rwb')
f.write(b'line one\nline two\n')
f.flush()
print(f.readline())
print(f.readline())
c.shutdown(socket.SHUT_WR)
print(f.read())
f.close()
c.close()

t.join()
print(received)
srv.close()
print(repr(srv))
