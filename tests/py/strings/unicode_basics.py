s = "a€😀ß"
print(len(s), [ord(c) for c in s], s[2], s[-1], s[1:3], s[::-1])
print(len("😀😀"), "😀" < "😁", "é" == "e\u0301", len("e\u0301"), ascii(s), repr("é\u200b"))
print(chr(0x1F600), chr(0), repr(chr(0x7f)), repr("\x9f"), repr("\xa0"), repr("\u0378"))
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
print("Straße".upper(), "ﬁ".upper(), "\u0130".lower().encode(), "ΑΒΓ".lower())
print(sorted(["b", "a", "B", "é", "z", "Z"]), max("héllo"), min("héllo"))
print("日本語テキスト"[2:5], len("日本語"), "日本" in "日本語", "語".encode())
