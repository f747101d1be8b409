import array
for tc, vals in [("b", [-1, 2]), ("B", [0, 255]), ("h", [-300]), ("i", [1, 2, 3]), ("l", [2 ** 31]), ("q", [-2 ** 63]), ("f", [0.5, 1.25]), ("d", [1e300])]:
    a = array.array(tc, vals)
    print(tc, a, a.itemsize, a.tolist(), len(a.tobytes()))
a = array.array("i", range(5))
a.append(10); a.extend([20, 30]); a.insert(0, -1)
print(a, a.pop(), a.index(10), a.count(2), a[2:4], a[::-2])
a.reverse(); a.remove(20)
print(a, sum(a), max(a))
b = array.array("H")
b.frombytes(b"\x01\x00\x02\x00")
print(b, b.typecode, array.array("u", "hi").tounicode() if False else "skip")
try:
    array.array("b", [200])
except OverflowError as e:
    print(type(e).__name__, e)
try:
    array.array("z")
except ValueError as e:
    print(type(e).__name__)
