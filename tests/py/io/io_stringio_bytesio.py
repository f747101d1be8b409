# StringIO and BytesIO: reading, writing, seeking, newlines and errors.
import io

s = io.StringIO("line1\nline2\r\nline3")
print(repr(s.readline()), repr(s.readline()), repr(s.read()))
print(s.tell(), repr(s.read()))
s.seek(0)
print(list(s))
s = io.StringIO()
print(s.write("hello"), s.write(" world"), repr(s.getvalue()))
s.seek(3)
s.write("XY")
print(repr(s.getvalue()), s.tell())
s.seek(20)
s.write("!")
print(repr(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
print(s.readable(), s.writable(), s.seekable(), s.closed)

for nl in [None, "", "\n", "\r", "\r\n"]:
    s = io.StringIO("a\nb\rc\r\nd", newline=nl)
    print(repr(nl), [s.readline() for _ in range(5)], repr(s.getvalue()), s.newlines)

def err(f):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

err(lambda: io.StringIO(5))
err(lambda: io.StringIO("", "x"))
err(lambda: io.StringIO().write(5))
err(lambda: io.StringIO().seek(-1))
err(lambda: io.StringIO().seek(1, 1))
s = io.StringIO("abc")
s.close()
err(lambda: s.read())
print(s.closed)

b = io.BytesIO(b"abc\ndef\nghi")
print(b.read(2), b.readline(), b.readlines())
b.seek(0)
print(list(b), b.tell())
b = io.BytesIO()
print(b.write(b"hello"), b.write(bytearray(b" there")), b.getvalue())
b.seek(-3, 2)
print(b.read(), b.seek(1), b.read1(2))
b.seek(10)
b.write(b"!")
print(b.getvalue())
print(b.truncate(4), b.getvalue(), b.tell())
ba = bytearray(3)
b.seek(0)
print(b.readinto(ba), ba)
err(lambda: b.write("x"))
err(lambda: b.seek(-1))
err(lambda: b.seek(0, 5))
err(lambda: io.BytesIO("x"))
b.close()
err(lambda: b.getvalue())
with io.BytesIO(b"xyz") as f:
    print(f.read())
print(f.closed)
