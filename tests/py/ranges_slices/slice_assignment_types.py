l = [0, 1, 2, 3, 4]
l[1:3] = (9, 9, 9)
print(l)
l[:2] = range(3)
print(l)
l[::2] = iter("abcd") if False else list("abcd")
print(l)
l[len(l):] = {"z": 0}
print(l)
l[:] = []
print(l)
ba = bytearray(b"12345")
ba[::2] = b"abc"
print(ba)
try:
    ba[1:2] = "s"
except TypeError as e:
    print(type(e).__name__, e)
