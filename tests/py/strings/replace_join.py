print("aaa".replace("a", "b"), "aaa".replace("a", "b", 2), "abc".replace("", "-"), "abc".replace("x", "y"), "".replace("", "Z"))
print("a.b.c".replace(".", ""), "ababab".replace("aba", "X"), "aaa".replace("a", "aa", -1))
print(",".join(["a", "b", "c"]), "".join([]), "-".join("xyz"), " ".join(map(str, range(3))), "x".join(["only"]))
try:
    ",".join(["a", 1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    ",".join(5)
except TypeError as e:
    print(type(e).__name__, e)
print("::".join(("p", "q")), "".join(reversed("abc")), "/".join({"k": 1}))
