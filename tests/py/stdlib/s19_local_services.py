# Local network services from the standard library: an XML-RPC server and
# proxy, a WSGI app on wsgiref's server, socketserver TCP/UDP echo servers,
# and http.cookies / cookiejar handling. Everything binds to 127.0.0.1:0.
import http.cookies
import http.cookiejar
import io
import json
import socket
import socketserver
import threading
import urllib.request
import xmlrpc.client
import xmlrpc.server
from wsgiref.simple_server import make_server, WSGIRequestHandler
from wsgiref.util import setup_testing_defaults
from wsgiref.validate import validator


def serve_in_thread(server):
    t = threading.Thread(target=server.serve_forever, daemon=True)
    t.start()
    return t


class QuietXMLRPC(xmlrpc.server.SimpleXMLRPCRequestHandler):
    def log_message(self, *a):
        pass


rpc = xmlrpc.server.SimpleXMLRPCServer(("127.0.0.1", 0), requestHandler=QuietXMLRPC, logRequests=False, allow_none=True)
rpc.register_introspection_functions()
rpc.register_multicall_functions()
rpc.register_function(lambda a, b: a + b, "add")
rpc.register_function(lambda d: sorted(d.items()), "items")


class Service:
    def echo(self, x):
        return x

    def fail(self):
        raise ValueError("service failure")


rpc.register_instance(Service())
t = serve_in_thread(rpc)
proxy = xmlrpc.client.ServerProxy(f"http://127.0.0.1:{rpc.server_address[1]}", allow_none=True)
print(proxy.add(2, 3), proxy.add("a", "b"), proxy.items({"b": 2, "a": 1}), proxy.echo([1, 2.5, True, None, {"k": "v"}]))
print(sorted(proxy.system.listMethods()))
try:
    proxy.fail()
except xmlrpc.client.Fault as e:
    print("Fault", e.faultCode, e.faultString)
try:
    proxy.nosuch()
except xmlrpc.client.Fault as e:
    print("Fault", e.faultCode, e.faultString)
mc = xmlrpc.client.MultiCall(proxy)
mc.add(1, 1)
mc.echo("x")
print(list(mc()))
print(xmlrpc.client.dumps((1, "two", [3]), methodname="m"))
print(xmlrpc.client.loads(xmlrpc.client.dumps(({"a": xmlrpc.client.Binary(b"\x00\x01")},)))[0][0]["a"].data)
rpc.shutdown()
rpc.server_close()
t.join()


def app(environ, start_response):
    path = environ["PATH_INFO"]
    if path == "/json":
        body = json.dumps({"method": environ["REQUEST_METHOD"], "query": environ["QUERY_STRING"]}).encode()
        start_response("200 OK", [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
        return [body]
    if path == "/cookie":
        c = http.cookies.SimpleCookie()
        c["session"] = "abc123"
        c["session"]["path"] = "/"
        c["session"]["httponly"] = True
        start_response("200 OK", [("Content-Type", "text/plain"), ("Set-Cookie", c["session"].OutputString())])
        return [b"cookie set"]
    start_response("404 Not Found", [("Content-Type", "text/plain")])
    return [b"not found: " + path.encode()]


class QuietWSGI(WSGIRequestHandler):
    def log_message(self, *a):
        pass


ws = make_server("127.0.0.1", 0, validator(app), handler_class=QuietWSGI)
t = serve_in_thread(ws)
base = f"http://127.0.0.1:{ws.server_address[1]}"
with urllib.request.urlopen(base + "/json?x=1&y=2", timeout=30) as r:
    print(r.status, r.headers["Content-Type"], json.loads(r.read()))
jar = http.cookiejar.CookieJar()
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
with opener.open(base + "/cookie", timeout=30) as r:
    print(r.read(), [(c.name, c.value, c.path) for c in jar])
try:
    urllib.request.urlopen(base + "/missing", timeout=30)
except urllib.error.HTTPError as e:
    print(e.code, e.read())
ws.shutdown()
ws.server_close()
t.join()
env = {}
setup_testing_defaults(env)
print(sorted(k for k in env if k.startswith("wsgi.")), env["SERVER_NAME"], env["PATH_INFO"])


class Echo(socketserver.StreamRequestHandler):
    def handle(self):
        for line in self.rfile:
            self.wfile.write(line.upper())


class UdpEcho(socketserver.BaseRequestHandler):
    def handle(self):
        data, sock = self.request
        sock.sendto(data[::-1], self.client_address)


with socketserver.ThreadingTCPServer(("127.0.0.1", 0), Echo) as tcp, \
        socketserver.ThreadingUDPServer(("127.0.0.1", 0), UdpEcho) as udp:
    ts = [serve_in_thread(tcp), serve_in_thread(udp)]
    with socket.create_connection(tcp.server_address, timeout=30) as c:
        f = c.makefile("rwb")
        f.write(b"one\ntwo\n")
        f.flush()
        print(f.readline(), f.readline())
        f.close()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
        u.settimeout(30)
        u.sendto(b"datagram", udp.server_address)
        print(u.recvfrom(100)[0])
    tcp.shutdown()
    udp.shutdown()
    for t in ts:
        t.join()

c = http.cookies.SimpleCookie()
c.load('a=1; b="quoted value"; Path=/x; c=3')
print(sorted((k, m.value, m["path"]) for k, m in c.items()))
c["d"] = "semi;colon"
c["d"]["max-age"] = 60
print(c["d"].output(), "|", c["b"].OutputString(), "|", c.output(header="Cookie:", sep="; ")[:40])
try:
    c["bad key"] = 1
except http.cookies.CookieError as e:
    print("CookieError", e)
