# Errors: refused connections, bad addresses, closed sockets, resolver and
# conversion failures, with CPython's messages.
import errno
import socket

# A port nobody listens on: bind one, close it, connect.
s = socket.socket()
s.bind(('127.0.0.1', 0))
port = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno == errno.ECONNREFUSED)
c.close()
c = socket.socket()
print(c.connect_ex(('127.0.0.1', port)) == errno.ECONNREFUSED)
c.close()

s = socket.socket()
for addr in ['x', ('127.0.0.1',), ('127.0.0.1', 'x'), (1, 2), ('127.0.0.1', 70000),
             ('127.0.0.1', -1), ('127.0.0.1', 1.5), ('a', 'b', 'c')]:
    try:
        s.bind(addr)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
s6 = socket.socket(socket.AF_INET6)
for addr in ['x', ('::1',), ('::1', 0, 0, 0, 0)]:
    try:
        s6.bind(addr)
    except TypeError as e:
        print(type(e).__name__, e)
s6.close()
u = socket.socket(socket.AF_UNIX)
for addr in [1, ('x',)]:
    try:
        u.bind(addr)
    except TypeError as e:
        print(type(e).__name__, e)
u.close()
for data in ['text', 5]:
    try:
        s.send(data)
    except TypeError as e:
        print(type(e).__name__, e)
try:
    s.recv(-1)
except ValueError as e:
    print(type(e).__name__, e)
s.close()
for op in [lambda: s.recv(1), lambda: s.send(b'x'), lambda: s.getsockname(), lambda: s.listen()]:
    try:
        op()
    except OSError as e:
        print(type(e).__name__, e.errno == errno.EBADF)
s.close()  # closing twice is fine

try:
    socket.socket(socket.AF_INET, socket.SOCK_STREAM, fileno=-5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    socket.inet_aton('x')
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.inet_pton(socket.AF_INET, '1.2.3')
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.inet_ntoa(b'ab')
except OSError as e:
    print(type(e).__name__, e)
try:
    socket.inet_ntop(socket.AF_INET6, b'1234')
except ValueError as e:
    print(type(e).__name__, e)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.gaierror.__module__, socket.gaierror.__name__)
try:
    socket.getaddrinfo('1.2.3.4', 80, flags=socket.AI_NUMERICHOST, family=socket.AF_INET6)
except socket.gaierror as e:
    print(type(e).__name__, e.errno == socket.EAI_ADDRFAMILY or e.errno == socket.EAI_NONAME)
try:
    socket.getaddrinfo('x', 'y', flags=socket.AI_NUMERICHOST | socket.AI_NUMERICSERV)
except socket.gaierror as e:
    print(type(e).__name__, e.errno == socket.EAI_NONAME, e.strerror == str(e).split('] ')[1])
try:
    socket.getservbyname('no-such-service', 'tcp')
except OSError as e:
    print(type(e).__name__, e)
