t = str.maketrans("abc", "xyz")
print(sorted(t.items()), "aabbcc".translate(t))
t2 = str.maketrans("ab", "AB", "xyz")
print("axbycz".translate(t2))
t3 = str.maketrans({"a": "1", "b": None, ord("c"): "333"})
print(sorted(t3.items()), "abcabc".translate(t3))
print("hello".translate({ord("l"): None}), "abc".translate({97: 98, 98: "BB"}))
try:
    str.maketrans("ab", "x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    str.maketrans({"ab": 1})
except ValueError as e:
    print(type(e).__name__, e)
class Rot13(dict):
    def __missing__(self, k):
        c = chr(k)
        if "a" <= c <= "z":
            return (k - 97 + 13) % 26 + 97
        return k
print("hello, world".translate(Rot13()))
