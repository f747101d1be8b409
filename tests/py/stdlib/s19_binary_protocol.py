# A length-prefixed binary protocol over socketpairs with selectors: struct
# framing, a tiny RPC dispatcher, hmac-signed messages, zlib-compressed
# payloads, and secrets-free deterministic message ids.
import hashlib
import hmac
import json
import selectors
import socket
import struct
import zlib

HEADER = struct.Struct("!BBHI")  # version, flags, msg type, payload length
KEY = b"shared-secret-key"
FLAG_ZLIB, FLAG_SIGNED = 1, 2
MSG_CALL, MSG_RESULT, MSG_ERROR = 1, 2, 3


def encode(mtype, obj, compress=False, sign=True):
    payload = json.dumps(obj, sort_keys=True, separators=(",", ":")).encode()
    flags = 0
    if compress:
        payload = zlib.compress(payload, 9)
        flags |= FLAG_ZLIB
    if sign:
        payload = hmac.new(KEY, payload, hashlib.sha256).digest() + payload
        flags |= FLAG_SIGNED
    return HEADER.pack(1, flags, mtype, len(payload)) + payload


class ProtocolError(Exception):
    pass


def decode(header, payload):
    version, flags, mtype, length = header
    if version != 1:
        raise ProtocolError(f"bad version {version}")
    if flags & FLAG_SIGNED:
        mac, payload = payload[:32], payload[32:]
        if not hmac.compare_digest(mac, hmac.new(KEY, payload, hashlib.sha256).digest()):
            raise ProtocolError("bad signature")
    if flags & FLAG_ZLIB:
        payload = zlib.decompress(payload)
    return mtype, json.loads(payload)


class Conn:
    def __init__(self, sock):
        self.sock = sock
        self.buf = b""
        self.out = b""

    def feed(self, data):
        self.buf += data
        msgs = []
        while len(self.buf) >= HEADER.size:
            hdr = HEADER.unpack_from(self.buf)
            end = HEADER.size + hdr[3]
            if len(self.buf) < end:
                break
            msgs.append((hdr, self.buf[HEADER.size:end]))
            self.buf = self.buf[end:]
        return msgs


METHODS = {
    "add": lambda a, b: a + b,
    "upper": lambda s: s.upper(),
    "stats": lambda xs: {"n": len(xs), "sum": sum(xs), "max": max(xs)},
    "fail": lambda: 1 / 0,
}


def serve(conn, hdr, payload):
    try:
        mtype, msg = decode(hdr, payload)
    except (ProtocolError, zlib.error, ValueError) as e:
        return encode(MSG_ERROR, {"error": f"{type(e).__name__}: {e}"})
    try:
        result = METHODS[msg["method"]](*msg.get("params", []))
        return encode(MSG_RESULT, {"id": msg["id"], "result": result}, compress=len(str(result)) > 40)
    except Exception as e:
        return encode(MSG_ERROR, {"id": msg["id"], "error": f"{type(e).__name__}: {e}"})


sel = selectors.DefaultSelector()
client_sock, server_sock = socket.socketpair()
for s in (client_sock, server_sock):
    s.setblocking(False)
server = Conn(server_sock)
client = Conn(client_sock)
sel.register(server_sock, selectors.EVENT_READ, server)
sel.register(client_sock, selectors.EVENT_READ, client)
digest = hashlib.blake2s(b"seed", digest_size=4)
requests = [("add", [2, 3]), ("upper", ["hello"]), ("stats", [list(range(50))]), ("fail", []), ("nope", []),
            ("upper", ["x" * 100])]
for i, (m, params) in enumerate(requests):
    digest.update(bytes([i]))
    rid = digest.hexdigest()
    raw = encode(MSG_CALL, {"id": rid, "method": m, "params": params}, compress=(i % 2 == 1))
    # send in awkward pieces to exercise reassembly
    for k in range(0, len(raw), 7):
        client_sock.send(raw[k:k + 7])
tampered = bytearray(encode(MSG_CALL, {"id": "t", "method": "add", "params": [1, 1]}))
tampered[-2] ^= 0xFF
client_sock.send(bytes(tampered))
client_sock.send(HEADER.pack(2, 0, MSG_CALL, 2) + b"{}")

responses = []
while len(responses) < len(requests) + 2:
    for key, mask in sel.select(timeout=30):
        c = key.data
        data = c.sock.recv(65536)
        for hdr, payload in c.feed(data):
            if c is server:
                c.sock.sendall(serve(c, hdr, payload))
            else:
                responses.append(decode(hdr, payload))
for mtype, msg in responses:
    print(mtype, msg)
print(len(client.buf), len(server.buf), HEADER.size, struct.calcsize("!BBHI"))
sel.unregister(client_sock)
sel.unregister(server_sock)
print(sel.get_map() is not None and len(sel.get_map()), type(sel).__name__ in ("EpollSelector", "PollSelector", "SelectSelector"))
client_sock.close()
print(server_sock.recv(10), server_sock.fileno() > 0)
server_sock.close()
sel.close()
try:
    decode((1, FLAG_ZLIB, MSG_CALL, 3), b"abc")
except zlib.error as e:
    print("zlib.error:", e)
try:
    HEADER.unpack(b"short")
except struct.error as e:
    print("struct.error:", e)
