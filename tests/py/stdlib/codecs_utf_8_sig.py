# utf-8-sig: str.encode/bytes.decode, codecs.lookup and the incremental
# codecs, and text files (one BOM at the start, none in append mode, stripped
# on reading, multi-byte characters across chunk boundaries, tell/seek).
import codecs, io, os, csv, tempfile
print("héllo".encode("utf-8-sig"), b"\xef\xbb\xbfh\xc3\xa9".decode("utf-8-sig"), b"plain".decode("utf_8_sig"), b"\xef\xbb".decode("utf-8-sig", "replace"), "".encode("utf-8-sig"))
try: b"\xef\xbb\xbfab\xff".decode("utf-8-sig")
except UnicodeDecodeError as e: print(e, e.object, e.encoding)
print(codecs.lookup("UTF-8-SIG").name, codecs.encode("x", "utf-8-sig"), codecs.decode(b"\xef\xbb\xbfx", "utf-8-sig"))
dec = codecs.getincrementaldecoder("utf-8-sig")()
print([dec.decode(b) for b in [b"\xef", b"\xbb", b"\xbfa\xc3", b"\xa9\xef\xbb\xbf"]], dec.decode(b"", True))
enc = codecs.getincrementalencoder("utf-8-sig")()
print([enc.encode(s) for s in ["a", "b", "é"]])
d = tempfile.mkdtemp(); p = os.path.join(d, "t.csv")
with open(p, "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f); w.writerow(["naïve", "café"]); w.writerow(["x" * 5000 + "é" * 5000, 2])
    f.write("tail\n")
with open(p, "rb") as f: raw = f.read(); print(raw[:20], raw.count(b"\xef\xbb\xbf"), len(raw))
with open(p, encoding="utf-8-sig", newline="") as f: rows = list(csv.reader(f)); print(rows[0], len(rows[1][0]), rows[2])
with open(p, encoding="utf-8") as f: print(repr(f.read(3)))
with open(p, "a", encoding="utf-8-sig") as f: f.write("more\n")
with open(p, "rb") as f: raw = f.read(); print(raw.count(b"\xef\xbb\xbf"), raw[-10:])
with open(p, encoding="utf-8-sig") as f:
    f.readline(); pos = f.tell(); l2 = f.readline(); f.seek(0); print(repr(f.read(5)), f.seek(pos) == pos, f.readline() == l2)
os.remove(p); os.rmdir(d)
