import io
s = io.StringIO("line1\nline2\nline3")
print(s.readline(), s.read(3), s.tell(), s.readlines())
s.seek(0)
print(list(s))
w = io.StringIO()
w.write("hello ")
print("world", file=w)
print(repr(w.getvalue()), w.tell())
b = io.BytesIO(b"\x00\x01binary")
print(b.read(2), b.read(), b.getvalue(), b.seek(0, 2), b.write(b"!"), b.getvalue())
b.seek(0); b.truncate(3)
print(b.getvalue())
t = io.TextIOWrapper(io.BytesIO("é\nx".encode()), encoding="utf-8")
print(t.read().splitlines())
try:
    s.write(5)
except TypeError as e:
    print(type(e).__name__, e)
s.close()
try:
    s.read()
except ValueError as e:
    print(type(e).__name__, e)
