print(b"%s %d %x" % (b"abc", 42, 255), b"%5s|%-5s|" % (b"r", b"l"), b"%c%c" % (65, b"B"), b"%%")
print(b"%r" % "x" if False else b"%a" % "é", b"%08.3f" % 3.14159, b"%(k)s" % {b"k": b"v"})
try:
    b"%s" % "str"
except TypeError as e:
    print(type(e).__name__, e)
print(bytearray(b"%d-%d") % (1, 2))
