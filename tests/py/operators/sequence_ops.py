print([1, 2] + [3], (1,) + (2,), "ab" + "cd", b"x" + b"y")
print([0] * 3, 3 * "ab", (1, 2) * 2, "x" * 0, [1] * -1)
print(bytearray(b"a") + b"b", b"ab" * 2)
l = [[]] * 3
l[0].append(1)
print(l)
try:
    "a" * 2.0
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] + ()
except TypeError as e:
    print(type(e).__name__, e)
print([1, 2][True], "abc"[False])
class Idx:
    def __index__(self): return 2
print("hello"[Idx()], [0, 1, 2, 3][Idx():], "ab" * Idx())
