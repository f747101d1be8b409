s = "héllo wörld €"
print(s.encode(), s.encode("utf-8"), len(s), len(s.encode()))
print(s.encode("latin-1", errors="replace"), s.encode("ascii", "ignore"), s.encode("ascii", "xmlcharrefreplace"), s.encode("ascii", "backslashreplace"))
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
    print(e.encoding, e.start, e.end, e.reason)
print("😀".encode("utf-16-le"), "😀".encode("utf-32-be"), "A".encode("utf-16"), "é".encode("cp1252"))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print(type(e).__name__, e)
print("\ud800".encode("utf-8", "surrogatepass"), "\ud800".encode("utf-8", "replace"))
try:
    "\ud800".encode("utf-8")
except UnicodeEncodeError as e:
    print(type(e).__name__, e.reason)
