s = "Mississippi"
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(set(s)), s.count("ss"), s.index("ss", 3))
print([(i, c) for i, c in enumerate("abc")], list(zip("abc", "xy")), list(map(str.upper, "ab")))
it = iter("xy")
print(next(it), next(it), next(it, "end"))
print(str(), str(123), str(1.5), str([1, "a"]), str(None), str(b"x"), str(b"abc", "ascii"), str(b"\xff", "utf-8", "replace"))
try:
    str(b"\xff", "utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
print(hash("abc") == hash("ab" + "c"), "abc".__len__(), "abc".__contains__("b"), "a".__add__("b"), "ab".__mul__(2))
