# HTTPS end to end with the standard library: http.server behind
# SSLContext.wrap_socket in a thread, fetched with http.client and
# urllib.request (certificate and host name checked against the test CA).
import http.client
import http.server
import os
import ssl
import threading
import urllib.error
import urllib.request

DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'ssl_data')
server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
server_ctx.load_cert_chain(os.path.join(DATA, 'server.pem'), os.path.join(DATA, 'server_key.pem'))
client_ctx = ssl.create_default_context(cafile=os.path.join(DATA, 'ca.pem'))


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = 'HTTP/1.1'

    def do_GET(self):
        body = ('you asked for %s over %s' % (self.path, self.request.version())).encode()
        self.send_response(200 if self.path != '/missing' else 404)
        self.send_header('Content-Type', 'text/plain')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        data = self.rfile.read(int(self.headers['Content-Length']))
        self.send_response(201)
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data[::-1])

    def log_message(self, *args):
        pass


httpd = http.server.HTTPServer(('127.0.0.1', 0), Handler)
httpd.socket = server_ctx.wrap_socket(httpd.socket, server_side=True)
port = httpd.server_address[1]
t = threading.Thread(target=httpd.serve_forever)
t.start()

conn = http.client.HTTPSConnection('localhost', port, context=client_ctx)
for path in ('/', '/a/b?c=d'):
    conn.request('GET', path)
    r = conn.getresponse()
    print(r.status, r.reason, r.getheader('Content-Type'), r.read())
conn.request('POST', '/echo', body=b'post body')
r = conn.getresponse()
print(r.status, r.read())
print(conn.sock.version(), conn.sock.getpeercert()['subject'][-1])
conn.close()

with urllib.request.urlopen('https://localhost:%d/urllib' % port, context=client_ctx) as f:
    print(f.status, f.read().decode())
try:
    urllib.request.urlopen('https://localhost:%d/missing' % port, context=client_ctx)
except urllib.error.HTTPError as e:
    print('HTTPError', e.code, e.read())
try:
    urllib.request.urlopen('https://localhost:%d/' % port, context=ssl.create_default_context())
except urllib.error.URLError as e:
    print('URLError', type(e.reason).__name__, e.reason.verify_message)

httpd.shutdown()
httpd.server_close()
t.join()
