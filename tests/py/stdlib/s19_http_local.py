# A tiny REST service on localhost: http.server in a thread, clients via
# urllib.request and http.client, JSON bodies, errors, headers.
import http.client
import http.server
import json
import threading
import urllib.error
import urllib.parse
import urllib.request

ITEMS = {"1": {"name": "pen", "qty": 3}}


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "S19/1.0"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    def _send(self, code, obj, extra=None):
        body = json.dumps(obj, sort_keys=True).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        u = urllib.parse.urlsplit(self.path)
        q = urllib.parse.parse_qs(u.query)
        if u.path == "/items":
            items = sorted(ITEMS.items())
            if "min" in q:
                items = [(k, v) for k, v in items if v["qty"] >= int(q["min"][0])]
            self._send(200, dict(items))
        elif u.path.startswith("/items/"):
            key = u.path.rsplit("/", 1)[1]
            if key in ITEMS:
                self._send(200, ITEMS[key], {"X-Item": key})
            else:
                self._send(404, {"error": f"no item {key}"})
        elif u.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/items/1")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:
            self.send_error(404, "Nothing here")

    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        try:
            data = json.loads(self.rfile.read(n))
        except json.JSONDecodeError as e:
            self._send(400, {"error": str(e)})
            return
        key = str(len(ITEMS) + 1)
        ITEMS[key] = data
        self._send(201, {"id": key}, {"Location": f"/items/{key}"})

    def do_DELETE(self):
        key = self.path.rsplit("/", 1)[1]
        code = 204 if ITEMS.pop(key, None) else 404
        self.send_response(code)
        self.send_header("Content-Length", "0")
        self.end_headers()


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
port = server.server_address[1]
thread = threading.Thread(target=server.serve_forever, daemon=True)
thread.start()
base = f"http://127.0.0.1:{port}"


def get(path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return r.status, r.headers["Content-Type"], json.loads(r.read())


print(get("/items"))
print(get("/items/1"))
print(get("/redirect"))
req = urllib.request.Request(base + "/items", data=json.dumps({"name": "ink", "qty": 9}).encode(),
                             headers={"Content-Type": "application/json"}, method="POST")
with urllib.request.urlopen(req, timeout=30) as r:
    print(r.status, r.reason, r.headers["Location"], json.loads(r.read()), r.headers.get("Server"))
print(get("/items?min=5"))
for path in ["/items/99", "/nowhere"]:
    try:
        urllib.request.urlopen(base + path, timeout=30)
    except urllib.error.HTTPError as e:
        body = e.read()
        print("HTTPError", e.code, e.reason, e.headers["Content-Type"], body[:60] if path == "/items/99" else len(body) > 0)
bad = urllib.request.Request(base + "/items", data=b"{not json", method="POST")
try:
    urllib.request.urlopen(bad, timeout=30)
except urllib.error.HTTPError as e:
    print("HTTPError", e.code, json.loads(e.read()))

conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
conn.request("DELETE", "/items/2")
r = conn.getresponse()
print(r.status, r.reason, r.read(), r.getheader("Content-Length"))
conn.request("GET", "/items/1", headers={"Accept": "application/json"})
r = conn.getresponse()
print(r.status, r.version, sorted(k for k, _ in r.getheaders()), r.read())
conn.request("DELETE", "/items/2")
r = conn.getresponse()
print(r.status, r.read())
conn.close()
print(http.HTTPStatus.NOT_FOUND, http.HTTPStatus(201).phrase, http.client.responses[418], http.HTTPStatus.OK.description)
try:
    urllib.request.urlopen(f"http://127.0.0.1:{port}/items/1", timeout=30).read(0)
    urllib.request.urlopen("http://127.0.0.1:1/", timeout=30)
except urllib.error.URLError as e:
    print("URLError", type(e.reason).__name__)
server.shutdown()
server.server_close()
thread.join()
print("stopped")
