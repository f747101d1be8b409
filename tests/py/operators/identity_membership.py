a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, type(None) is type(None))
print(2 in [1, 2, 3], 4 not in (1, 2), "b" in "abc", "bc" in "abc", "" in "abc")
print(1 in {1: "x"}, "x" in {1: "x"}, 3 in range(0, 10, 3), 4 in range(0, 10, 3))
print([1] in [[1], [2]], (1, 2) in {(1, 2)})
print(1.0 in [1], True in [1], 0 in [False])
print(b"a" in b"cat", 97 in b"cat")
try:
    1 in "abc"
except TypeError as e:
    print(type(e).__name__, e)
try:
    [] in {}
except TypeError as e:
    print(type(e).__name__)
nan = float("nan")
print(nan in [nan], nan in [float("nan")])
class Eq:
    def __eq__(self, o): return True
print(Eq() in [1], 5 in [Eq()])
