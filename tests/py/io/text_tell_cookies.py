# TextIOWrapper.tell()/seek() cookies: reading by 1-3 chars in every newline mode, seeking back to each cookie, a held-back "\r" at chunk boundaries and EOF.
import io, os
p = "/tmp/ftpy_tio_%d.txt" % os.getpid()
datas = [b"one\ntwo\r\nthree\rfour\r\n\r\nfive", b"a\r", b"\r\r\n\n\r", "h\u00e9\r\n\u20ac\rx\U0001F600\r".encode()]
for data in datas:
    with open(p, "wb") as f: f.write(data)
    for nl in [None, "", "\n", "\r", "\r\n"]:
        for n in (1, 2, 3):
            with open(p, newline=nl, encoding="utf-8") as f:
                cookies = []
                while True:
                    c = f.tell()
                    s = f.read(n)
                    if not s: break
                    cookies.append((c, s))
                print(repr(nl), n, cookies, f.tell())
                for c, s in cookies:
                    f.seek(c)
                    got = f.read(len(s))
                    if got != s: print("MISMATCH", c, s, got)
                f.seek(0); f.read(2); print(f.seek(0, 1), f.read(1))
# large file crossing chunks
with open(p, "wb") as f: f.write(b"x" * 8191 + b"\r\nabc\r" + "é".encode() * 5000)
for nl in [None, ""]:
    with open(p, newline=nl, encoding="utf-8") as f:
        f.read(8191); print(f.tell()); print(repr(f.read(1)), f.tell()); f.read(4); t = f.tell(); print(t, repr(f.read(3)))
        f.seek(t); print(repr(f.read(3)))
os.unlink(p)
