# Huffman coding, LZ77 and run-length encoding written from scratch, with
# bit-level packing; every codec is checked by a round trip.
import heapq
from collections import Counter
from itertools import groupby


class BitWriter:
    def __init__(self):
        self.buf = bytearray()
        self.acc = 0
        self.n = 0

    def write(self, value, width):
        for i in range(width - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.buf.append(self.acc)
                self.acc = self.n = 0

    def getvalue(self):
        pad = (8 - self.n) % 8
        out = bytes(self.buf) + (bytes([self.acc << pad]) if self.n else b"")
        return out, pad


class BitReader:
    def __init__(self, data, pad=0):
        self.data = data
        self.total = len(data) * 8 - pad
        self.pos = 0

    def read(self, width):
        v = 0
        for _ in range(width):
            if self.pos >= self.total:
                raise EOFError("out of bits")
            byte = self.data[self.pos >> 3]
            v = (v << 1) | ((byte >> (7 - (self.pos & 7))) & 1)
            self.pos += 1
        return v

    def __bool__(self):
        return self.pos < self.total


def huffman_code(freq):
    heap = [(n, i, sym) for i, (sym, n) in enumerate(sorted(freq.items()))]
    heapq.heapify(heap)
    if len(heap) == 1:
        return {heap[0][2]: "0"}
    counter = len(heap)
    while len(heap) > 1:
        n1, _, a = heapq.heappop(heap)
        n2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (n1 + n2, counter, (a, b)))
        counter += 1
    codes = {}

    def walk(node, prefix):
        if isinstance(node, tuple):
            walk(node[0], prefix + "0")
            walk(node[1], prefix + "1")
        else:
            codes[node] = prefix
    walk(heap[0][2], "")
    return codes


def huff_encode(data):
    codes = huffman_code(Counter(data))
    w = BitWriter()
    for b in data:
        c = codes[b]
        w.write(int(c, 2), len(c))
    return codes, *w.getvalue()


def huff_decode(codes, blob, pad):
    rev = {v: k for k, v in codes.items()}
    r = BitReader(blob, pad)
    out = bytearray()
    cur = ""
    while r:
        cur += str(r.read(1))
        if cur in rev:
            out.append(rev[cur])
            cur = ""
    if cur:
        raise ValueError(f"dangling bits {cur!r}")
    return bytes(out)


def lz77_encode(data, window=255, max_len=15):
    i, out = 0, []
    while i < len(data):
        best_len, best_off = 0, 0
        for j in range(max(0, i - window), i):
            k = 0
            while k < max_len and i + k < len(data) - 1 and data[j + k] == data[i + k]:
                k += 1
            if k > best_len:
                best_len, best_off = k, i - j
        out.append((best_off, best_len, data[i + best_len]))
        i += best_len + 1
    return out


def lz77_decode(triples):
    out = bytearray()
    for off, length, nxt in triples:
        start = len(out) - off
        for k in range(length):
            out.append(out[start + k])
        out.append(nxt)
    return bytes(out)


def rle_encode(s):
    return "".join(f"{len(list(g))}{ch}" for ch, g in groupby(s))


def rle_decode(s):
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append(ch * int(num))
            num = ""
    return "".join(out)


samples = [
    b"abracadabra",
    b"aaaaaaaaaaaaaaaabbbbbbbbbcccccdddde",
    b"the rain in spain stays mainly in the plain; the rain in spain stays mainly in the plain",
    bytes(range(16)) * 3,
    b"x",
]
for s in samples:
    codes, blob, pad = huff_encode(s)
    assert huff_decode(codes, blob, pad) == s
    bits = len(blob) * 8 - pad
    top = sorted(codes.items(), key=lambda kv: (len(kv[1]), kv[0]))[:4]
    print(f"{s[:20]!r:<25} {len(s):>3}B -> {bits:>4} bits ({bits / (8 * len(s)):.1%}) "
          f"codes {[(chr(k), v) for k, v in top]}")
    tri = lz77_encode(s)
    assert lz77_decode(tri) == s
    print(f"{'':<25} lz77: {len(tri)} triples, first {tri[:3]}")

for text in ["WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "aabcccccccccccd"]:
    enc = rle_encode(text)
    assert rle_decode(enc) == text
    print(f"rle {len(text):>3} -> {len(enc):>3}: {enc}")

w = BitWriter()
for v, width in [(1, 1), (5, 3), (0, 2), (255, 8), (3, 2)]:
    w.write(v, width)
blob, pad = w.getvalue()
print(blob.hex(), pad, [f"{b:08b}" for b in blob])
r = BitReader(blob, pad)
print([r.read(n) for n in (1, 3, 2, 8, 2)], bool(r))
try:
    r.read(1)
except EOFError as e:
    print("EOFError:", e)
try:
    huff_decode({65: "0", 66: "10"}, b"\xc0", 6)
except ValueError as e:
    print("ValueError:", e)
freq = Counter(b"mississippi river")
print(sorted(freq.items()), freq.most_common(3), freq.total() if hasattr(freq, "total") else sum(freq.values()))
print(sorted(huffman_code(freq).items()))
