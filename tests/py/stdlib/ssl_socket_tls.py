# TLS over real sockets: a server thread on 127.0.0.1 with ftpy's _ssl on
# both ends. Handshake facts (version, cipher, ALPN, SNI, peer certificate),
# an echo, unwrap, session reuse, verification failures, a handshake
# timeout and a non-blocking client raising SSLWantReadError.
import os
import select
import socket
import ssl
import threading
import time

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ssl_data')
CA = os.path.join(DATA, 'ca.pem')
CERT = os.path.join(DATA, 'server.pem')
KEY = os.path.join(DATA, 'server_key.pem')


def listener():
    srv = socket.socket()
    srv.bind(('127.0.0.1', 0))
    srv.listen()
    return srv, srv.getsockname()[1]


def start(target, *args):
    t = threading.Thread(target=target, args=args)
    t.start()
    return t


server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(CERT, KEY)
server_ctx.set_alpn_protocols(['h2', 'http/1.1'])
sni_seen = []


def sni(sslobj, name, ctx):
    sni_seen.append((type(sslobj).__name__, name, ctx is server_ctx))


server_ctx.sni_callback = sni
server_log = []


def echo_server(srv, count, unwrap, delay=0):
    for _ in range(count):
        conn, _ = srv.accept()
        time.sleep(delay)  # lets a client's first handshake step find no answer yet
        try:
            tls = server_ctx.wrap_socket(conn, server_side=True)
        except (ssl.SSLError, OSError) as e:
            server_log.append(('handshake failed', type(e).__name__, str(e)))
            conn.close()
            continue
        server_log.append((tls.version(), tls.cipher()[1], tls.selected_alpn_protocol(), tls.server_side))
        while True:
            data = tls.recv(1024)
            if not data:
                break
            tls.sendall(data.upper())
        if unwrap:
            plain = tls.unwrap()
            server_log.append(('unwrapped', type(plain).__name__))
            plain.close()
        else:
            tls.close()
    srv.close()


client_ctx = ssl.create_default_context(cafile=CA)
client_ctx.set_alpn_protocols(['http/1.1'])

# 1. Handshake facts and an echo, ended by unwrap on both sides.
srv, port = listener()
t = start(echo_server, srv, 3, True)
raw = socket.create_connection(('127.0.0.1', port))
c = client_ctx.wrap_socket(raw, server_hostname='localhost')
print(type(c).__name__, c.server_hostname, c.server_side, c.version())
name, proto, bits = c.cipher()
print(name, proto, bits)
print(c.selected_alpn_protocol(), c.compression(), c.session_reused)
cert = c.getpeercert()
print(cert['subject'])
print(cert['subjectAltName'], cert['serialNumber'])
with open(CERT) as f:
    print(c.getpeercert(binary_form=True) == ssl.PEM_cert_to_DER_cert(f.read()))
for msg in [b'hello', b'tls world', b'x' * 5000]:
    c.sendall(msg)
    got = b''
    while len(got) < len(msg):
        got += c.recv(8192)
    print(len(got), got[:12])
print(c.pending())
sess = c.session
print(type(sess).__name__, sess.has_ticket, sess.timeout > 0, len(sess.id), sess == c.session)
plain = c.unwrap()
print(type(plain).__name__, plain.fileno() >= 0)
plain.close()

# 2. Session reuse with the ticket from the first connection.
raw = socket.create_connection(('127.0.0.1', port))
c = client_ctx.wrap_socket(raw, server_hostname='localhost', session=sess)
print('reused', c.session_reused, c.version())
c.sendall(b'again')
print(c.recv(100))
c.unwrap().close()

# 3. An IP address as the server name (checked against the IP SAN; no SNI).
raw = socket.create_connection(('127.0.0.1', port))
with client_ctx.wrap_socket(raw, server_hostname='127.0.0.1') as c:
    print('ip ok', c.server_hostname, c.getpeercert()['subject'][-1])
    c.sendall(b'ip')
    print(c.recv(100))
    c.unwrap().close()
t.join()
for entry in server_log:
    print('server', entry)
print('sni', sni_seen)
server_log.clear()

# 4. Verification failures: unknown CA, wrong host name.
srv, port = listener()
t = start(echo_server, srv, 2, False)
for ctx, host in ((ssl.create_default_context(), 'localhost'), (client_ctx, 'example.com')):
    raw = socket.create_connection(('127.0.0.1', port))
    try:
        ctx.wrap_socket(raw, server_hostname=host)
    except ssl.SSLCertVerificationError as e:
        print(type(e).__name__, isinstance(e, ValueError), e.errno, e.library, e.reason)
        print(e.verify_code, e.verify_message)
        print(e)
    raw.close()
t.join()
for entry in server_log:
    print('server', entry)
server_log.clear()

# 5. A server that never answers: the handshake times out.
srv, port = listener()
raw = socket.create_connection(('127.0.0.1', port))
raw.settimeout(0.2)
try:
    client_ctx.wrap_socket(raw, server_hostname='localhost')
except TimeoutError as e:
    print(type(e).__name__, e)
raw.close()
srv.close()

# 6. A non-blocking client: the first do_handshake wants to read.
srv, port = listener()
t = start(echo_server, srv, 1, False, 0.3)
raw = socket.create_connection(('127.0.0.1', port))
raw.setblocking(False)
c = client_ctx.wrap_socket(raw, server_hostname='localhost', do_handshake_on_connect=False)
try:
    c.do_handshake()
except ssl.SSLWantReadError as e:
    print(type(e).__name__, e.errno, e.library, e.reason, e)
while True:
    try:
        c.do_handshake()
        break
    except ssl.SSLWantReadError:
        select.select([c], [], [], 5)
    except ssl.SSLWantWriteError:
        select.select([], [c], [], 5)
print('non-blocking handshake', c.version())
try:
    c.recv(10)
except ssl.SSLWantReadError as e:
    print(type(e).__name__, e)
c.sendall(b'nb')
while True:
    try:
        print(c.recv(10))  # session tickets arrive first: may want more
        break
    except ssl.SSLWantReadError:
        select.select([c], [], [], 5)
c.setblocking(True)
c.close()
t.join()
for entry in server_log:
    print('server', entry)

# 7. Misuse.
s = socket.socket()
w = client_ctx.wrap_socket(s, server_hostname='localhost', do_handshake_on_connect=False)
for f in (w.getpeercert, w.cipher, w.version, w.selected_alpn_protocol):
    try:
        print(f.__name__, f())
    except (ValueError, OSError) as e:
        print(f.__name__, type(e).__name__, e)
w.close()
for host in ('', b'.example.com'):
    try:
        client_ctx.wrap_socket(socket.socket(), server_hostname=host)
    except ValueError as e:
        print('ValueError', e)
try:
    ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT).wrap_socket(socket.socket())
except ValueError as e:
    print('ValueError', e)
