# BytesIO.getbuffer() is a writable view of the stream's own bytes that pins
# them: while a view is live, write/truncate/close/__init__/__setstate__
# raise BufferError; reads work; writes through the view change the stream.
import io
b = io.BytesIO(b"0123456789")
v = b.getbuffer()
for name, op in [("write-mid", lambda: (b.seek(2), b.write(b"x"))), ("write-end", lambda: (b.seek(0, 2), b.write(b"x"))),
                 ("truncate", lambda: b.truncate(3)), ("writelines", lambda: b.writelines([b"a"])),
                 ("getvalue", lambda: b.getvalue()), ("read", lambda: (b.seek(0), b.read(2))),
                 ("readinto", lambda: b.readinto(bytearray(2))), ("setstate", lambda: b.__setstate__((b"x", 0, None))),
                 ("close", lambda: b.close()), ("seek", lambda: b.seek(100)), ("write-empty", lambda: b.write(b""))]:
    try:
        print(name, op())
    except Exception as e:
        print(name, type(e).__name__, e)
v[0] = ord("Z")
print(b.getvalue())
v2 = b.getbuffer()
del v
try: b.write(b"q")
except BufferError as e: print("still", e)
v2.release()
print(b.write(b"q"), b.getvalue())
w = io.BytesIO()
m = w.getbuffer()
print(len(m), m.readonly, m.format)
m.release()
b = io.BytesIO(b"abc"); v = b.getbuffer(); b2 = b.getvalue(); print(b2)

b = io.BytesIO(b"hello")
with b.getbuffer() as v:
    v[0] = ord("J")
    print(type(v.obj).__name__, v.readonly, v.format, v.shape, len(v))
print(b.getvalue(), b.write(b"!"), b.getvalue())
b.seek(0)
print(b.read())
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print("ValueError", e)
