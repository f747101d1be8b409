data = "naïve café ☕".encode()
print(data, data.decode(), data.decode("utf-8"), len(data))
bad = b"ab\xffcd\xc3"
for errors in ("replace", "ignore", "backslashreplace", "surrogateescape"):
    print(errors, repr(bad.decode("utf-8", errors)))
try:
    bad.decode()
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
    print(e.start, e.end, e.reason, e.object)
print(b"\xe9".decode("latin-1"), b"\x80abc".decode("ascii", "replace"), b"caf\xe9".decode("cp1252"))
print("x\udcff".encode("utf-8", "surrogateescape"), b"\xff\xfe\x41\x00".decode("utf-16"))
try:
    b"\x80".decode("ascii")
except UnicodeDecodeError as e:
    print(e)
