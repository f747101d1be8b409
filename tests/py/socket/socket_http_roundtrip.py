# socketserver + http.server answering http.client on 127.0.0.1, served by
# a thread (serve_forever polls with selectors).
import http.client
import http.server
import socketserver
import threading


class Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = ('path=%s' % self.path).encode()
        self.send_response(200)
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


server = http.server.HTTPServer(('127.0.0.1', 0), Handler)
port = server.server_address[1]
t = threading.Thread(target=server.serve_forever, kwargs={'poll_interval': 0.01})
t.start()

conn = http.client.HTTPConnection('127.0.0.1', port, timeout=5)
conn.request('GET', '/hello?x=1')
r = conn.getresponse()
print(r.status, r.reason, r.getheader('Content-Type'), r.read())
conn.request('POST', '/echo', body=b'abcdef')
r = conn.getresponse()
print(r.status, r.read())
conn.close()

# A plain socketserver.TCPServer with a StreamRequestHandler.
class Upper(socketserver.StreamRequestHandler):
    def handle(self):
        self.wfile.write(self.rfile.readline().upper())


with socketserver.ThreadingTCPServer(('127.0.0.1', 0), Upper) as tcp:
    tt = threading.Thread(target=tcp.serve_forever, kwargs={'poll_interval': 0.01})
    tt.start()
    import socket
    with socket.create_connection(tcp.server_address) as c:
        c.sendall(b'shout\n')
        print(c.makefile('rb').readline())
    tcp.shutdown()
    tt.join()

server.shutdown()
t.join()
server.server_close()
print('done')
