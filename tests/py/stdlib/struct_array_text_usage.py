# struct, array, textwrap, pprint and statistics as programs use them.
import struct, array, textwrap, pprint, statistics as st

for fmt, vals in [("<i", (-2,)), (">I", (2**32 - 1,)), ("=h", (-300,)), ("!H", (65535,)), ("<q", (-2**63,)),
                  (">Q", (2**64 - 1,)), ("<f", (1.5,)), (">d", (-0.1,)), ("<e", (0.333,)), ("?", (True,)),
                  ("<3s", (b"abcdef",)), ("<5p", (b"hi",)), ("c", (b"z",)), ("<bB", (-1, 255)), ("<2x i", (7,)),
                  ("@i", (1,)), ("<n", (5,)) if False else ("<l", (5,)), (">L", (9,))]:
    data = struct.pack(fmt, *vals)
    print(fmt, data, struct.unpack(fmt, data), struct.calcsize(fmt))
print(struct.calcsize("@bi"), struct.calcsize("=bi"), struct.calcsize("@bq"), struct.calcsize("@ihq"), struct.calcsize("0s"))
print(list(struct.iter_unpack("<hh", b"\x01\x00\x02\x00\x03\x00\x04\x00")))
buf = bytearray(8); struct.pack_into("<HI", buf, 1, 7, 9); print(buf, struct.unpack_from("<I", buf, 3))
s = struct.Struct(">hx?"); print(s.format, s.size, s.pack(-5, 1), s.unpack(b"\xff\xfb\x00\x01"))
for f in [lambda: struct.pack("<i"),
          lambda: struct.unpack("<i", b"\x00"), lambda: struct.pack("<i", "x"), lambda: struct.calcsize("<y"),
          lambda: struct.pack("c", b"ab"), lambda: list(struct.iter_unpack("<i", b"abc")), lambda: struct.pack("<?", [])]:
    try:
        print(f())
    except struct.error as e:
        print("error", e)

a = array.array("i", [1, 2, 3])
a.append(4); a.extend([5, 6]); a.insert(0, 0)
print(a, a.typecode, a.itemsize, len(a), a[2], a[-1], a[1:3], a.index(3), a.count(2), 3 in a)
a.reverse(); a.remove(5); print(a, a.pop(), a.pop(0), a.tolist(), a.tobytes()[:8])
b = array.array("d", [1.5, -2.0]); b.byteswap(); b.byteswap(); print(b, b * 2, b + array.array("d", [0.0]))
c = array.array("u", "héllo"); print(c, c.tounicode())
d = array.array("B", b"\x01\x02"); d.frombytes(b"\x03"); d.fromlist([4]); print(d, bytes(d), sum(d))
e = array.array("h"); print(e, array.array("l", range(3)) == array.array("l", [0, 1, 2]), a < array.array("i", [9]))
for f in [lambda: array.array("B", [256]), lambda: array.array("i", [1.5]),
          lambda: array.array("i").pop(), lambda: a.index(99), lambda: array.array("b", [1]) + array.array("h", [1])]:
    try:
        print(f())
    except (OverflowError, ValueError, TypeError, IndexError) as ex:
        print(type(ex).__name__, ex)

text = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(text, 30))
print(textwrap.fill(text, width=25, initial_indent="* ", subsequent_indent="  "))
print(textwrap.shorten("Hello  world, this is long", width=15), textwrap.shorten("short", 10, placeholder="~"))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.indent("x\n\ny\n", "> ")))
print(repr(textwrap.indent("x\n\ny\n", "+", lambda l: True)))
w = textwrap.TextWrapper(width=10, break_long_words=False, max_lines=2, placeholder=" ...")
print(w.wrap("supercalifragilistic is a long word indeed"))
print(textwrap.wrap("a\tb c", width=5, expand_tabs=True, tabsize=4), textwrap.wrap("", 5), textwrap.wrap("word-with-hyphens here", 8))

data = {"name": "ftpy", "versions": list(range(20)), "nested": {"a": [1, 2, {"b": "c" * 30}], "t": (1, 2)}, "s": {3, 1, 2}}
pprint.pprint(data)
pprint.pprint(data, width=40, depth=2)
pprint.pprint(data, compact=True, sort_dicts=False, indent=2)
print(pprint.pformat([list(range(30))], width=50))
print(pprint.saferepr({"x": [1, 2]}), pprint.isreadable([1, 2]), pprint.isrecursive([1]))
r = [1]; r.append(r); print(pprint.isrecursive(r))
pprint.pp({"z": 1, "a": 2})
pprint.pprint("a long string " * 8, width=40)

xs = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(xs), st.fmean(xs), st.median(xs), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode(xs), st.multimode("aabbc"), st.pstdev(xs), st.stdev(xs), st.pvariance(xs), st.variance(xs))
print(st.harmonic_mean([40, 60]), st.geometric_mean([1, 10, 100]), st.quantiles(range(1, 11), n=4), st.median_grouped([1, 2, 2, 3]))
from fractions import Fraction
from decimal import Decimal
print(st.mean([Fraction(1, 3), Fraction(2, 3)]), st.mean([1, 2.5]), st.variance([Fraction(1), Fraction(2), Fraction(4)]))
for f in [lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.mode([]), lambda: st.harmonic_mean([-1])]:
    try:
        print(f())
    except st.StatisticsError as ex:
        print("StatisticsError", ex)
