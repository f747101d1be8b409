ba = bytearray(b"hello")
ba[0] = 72
ba.append(33)
ba.extend(b" world")
ba += b"!"
print(ba, len(ba))
ba[1:3] = b"EY"
print(ba)
del ba[0]
ba.insert(0, 74)
print(ba, ba.pop(), ba.pop(0), ba)
ba.remove(ord("w"))
ba.reverse()
print(ba)
ba[::2] = b"x" * len(ba[::2])
print(ba)
try:
    ba[0] = 300
except ValueError as e:
    print(type(e).__name__, e)
try:
    ba.remove(0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ba[::2] = b"ab"
except ValueError as e:
    print(type(e).__name__, e)
c = bytearray(3)
c.clear()
print(c, bytearray(b"abc").copy(), bytearray(b"aaa").replace(b"a", b"bb"), bytearray(b"x") * 3)
print(bytearray(b"xyz") == b"xyz", bytes(bytearray(b"q")), bytearray("é", "utf-8"))
try:
    hash(bytearray())
except TypeError as e:
    print(type(e).__name__, e)
