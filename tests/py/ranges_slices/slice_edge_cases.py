l = [1, 2, 3]
print(l[3:], l[5:10], l[-1:0], l[0:0], l[2:1], l[:-10], l[-10:])
t = (1, 2, 3)
print(t[::-1], t[1:], t[:0], t[10:] == ())
s = "abc"
print(repr(s[5:]), repr(s[1:1]), s[-2:], s[:2 ** 100], s[-(2 ** 100):])
print(list(range(10))[2 ** 70:], list(range(10))[:-2 ** 70])
b = bytearray(b"hello")
b[1:4] = b"EL"
print(b)
print([0, 1, 2, 3, 4][::2][::-1], "racecar"[::-1] == "racecar")
