import struct, binascii, zlib, hashlib, itertools, io, array, sys

class Packet:
    HDR = struct.Struct("<4sBBHI")
    def __init__(self, kind, flags, payload):
        self.kind, self.flags, self.payload = kind, flags, payload
    def pack(self):
        body = zlib.compress(self.payload) if self.flags & 1 else self.payload
        return self.HDR.pack(b"PKT1", self.kind, self.flags, len(body), zlib.crc32(body)) + body
    @classmethod
    def unpack_from(cls, buf, off=0):
        magic, kind, flags, n, crc = cls.HDR.unpack_from(buf, off)
        if magic != b"PKT1":
            raise ValueError(f"bad magic {magic!r} at {off}")
        body = bytes(buf[off + cls.HDR.size: off + cls.HDR.size + n])
        if len(body) != n:
            raise ValueError(f"truncated packet at {off}: want {n}, have {len(body)}")
        if zlib.crc32(body) != crc:
            raise ValueError(f"crc mismatch at {off}")
        payload = zlib.decompress(body) if flags & 1 else body
        return cls(kind, flags, payload), off + cls.HDR.size + n
    def __repr__(self):
        return f"Packet(kind={self.kind}, flags={self.flags:#04b}, payload={self.payload[:12]!r}{'...' if len(self.payload) > 12 else ''})"

stream = bytearray()
pkts = [Packet(1, 0, b"hello"), Packet(2, 1, b"A" * 200), Packet(3, 0, bytes(range(20))), Packet(4, 1, "ünïcode ✓".encode())]
for p in pkts:
    stream += p.pack()
print(len(stream), binascii.hexlify(stream[:16], " ", 4), stream[:4].hex(":"))
mv = memoryview(stream)
off = 0
while off < len(mv):
    p, off = Packet.unpack_from(mv, off)
    print(p, p.payload.decode("utf-8", "replace")[:10])
bad = bytearray(stream); bad[20] ^= 0xFF
for data in (bad, stream[:-3], b"XXXX" + stream[4:]):
    try:
        off = 0
        while off < len(data):
            _, off = Packet.unpack_from(memoryview(data), off)
    except (ValueError, struct.error) as e:
        print(type(e).__name__, e)
print(struct.calcsize("@iq"), struct.calcsize("=iq"), struct.pack(">hHiIq", -2, 65535, -1, 2**32 - 1, -2**63).hex())
for fmt, args in [(">h", (40000,)), ("<I", (-1,)), ("b", (128,)), ("?", ()), ("3s", (1,)), ("e", (1e10,))]:
    try:
        print(struct.pack(fmt, *args))
    except (struct.error, OverflowError) as e:
        print(type(e).__name__, e)
print(struct.unpack("<f", struct.pack("<f", 0.1)), struct.unpack(">e", b"\x3c\x00"), list(struct.iter_unpack("<H", b"\x01\x00\x02\x00")))
b = b"The quick brown fox"
print(b.split(), b.partition(b" "), b.rjust(22, b"*"), b.title(), b.swapcase(), b.count(b"o"), b.find(b"q"), b[::-3])
print(bytes.fromhex("de ad be ef"), bytearray(b"abc").zfill(6), b"%s=%d %x %r" % (b"k", 5, 255, b"x"), b"a,b,,c".split(b","))
print(b"\x00\xff".decode("latin-1"), "é".encode("utf-16-le"), "x".encode("utf-32"), b"caf\xc3\xa9".decode(), "naïve".encode("ascii", "xmlcharrefreplace"))
for bad in [(b"\xff", "utf-8"), (b"\xc3", "utf-8")]:
    try:
        bad[0].decode(bad[1])
    except UnicodeDecodeError as e:
        print(e.reason, e.start, e.end, e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e)
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"; ba.extend(b"!!"); ba.insert(0, 62); del ba[1:3]; ba.reverse()
print(ba, ba.pop(), ba.remove(ord("w")) or ba, bytes(ba).upper())
arr = array.array("i", range(6)); arr.byteswap(); print(arr.tobytes()[:8], arr.itemsize, array.array("d", [1.5]).tobytes())
m = memoryview(bytearray(range(12))).cast("I")
print(m.tolist() if sys.byteorder == "little" else "", m.nbytes, m.format, m.shape, m[1:].tolist() == m.tolist()[1:])
print(hashlib.sha256(b"abc").hexdigest()[:16], hashlib.md5(b"").hexdigest(), hashlib.new("sha1", b"x").digest_size, binascii.crc32(b"abc"), zlib.adler32(b"abc"))
def averager():
    total = count = 0
    avg = None
    while True:
        try:
            x = yield avg
        except ValueError as e:
            print("averager got", e)
            continue
        if x is None:
            return (count, avg)
        total += x; count += 1; avg = total / count
g = averager(); next(g)
print(g.send(10), g.send(20), g.throw(ValueError("bad")), g.send(30))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
def chain_gen():
    r = yield from averager()
    print("subgen returned", r)
    yield "after"
c = chain_gen(); next(c); c.send(4); print(c.send(None))
def closer():
    try:
        yield 1; yield 2
    finally:
        print("closer cleanup")
cl = closer(); next(cl); cl.close(); print(cl.gi_frame is None)
print(list(itertools.pairwise("abcd")), list(itertools.accumulate([1, 2, 3, 4], lambda a, b: a * b, initial=10)))
print(list(itertools.islice(itertools.cycle("ab"), 5)), list(itertools.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itertools.starmap(pow, [(2, 5), (3, 2)])))
print(list(itertools.zip_longest("ab", "xyz", fillvalue="-")), list(itertools.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(itertools.filterfalse(None, [0, 1, "", "a"])))
print([(k, len(list(g))) for k, g in itertools.groupby("aaabccdd")], list(itertools.product("ab", repeat=2))[:3], len(list(itertools.permutations(range(4), 2))))
t1, t2 = itertools.tee(iter([1, 2, 3])); print(list(t1), list(t2), next(itertools.count(5, 0.5)), list(itertools.repeat("x", 2)))
gen = (i * i for i in range(5)); print(next(gen), list(gen), list(gen))
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration", e.args)
def bad_gen():
    yield 1
    raise StopIteration("inner")
try:
    list(bad_gen())
except RuntimeError as e:
    print("RE", e, type(e.__cause__).__name__)
