b = b"hello\x00\xff"
print(b, len(b), b[0], b[-1], b[1:3], list(b[:2]), b[::-1])
print(bytes(3), bytes([65, 66]), bytes(b"x"), bytes("é", "utf-8"), bytes(range(3)), bytes())
for bad in ([256], [-1], ["a"], "str"):
    try:
        bytes(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
print(b"abc" + b"def", b"ab" * 3, b"b" in b"abc", 98 in b"abc", b"" in b"x", b"abc" < b"abd", b"a" == "a")
try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
print(b"a,b,c".split(b","), b"  x ".strip(), b"abc".upper(), b"Hello".swapcase(), b"x".center(5, b"-"))
print(b"hello".find(b"l"), b"hello".count(b"l"), b"hello".replace(b"l", b"L"), b"hello".startswith(b"he"), b"a b".title())
print(b"abc".isalpha(), b"123".isdigit(), b"  ".isspace(), b"abc".islower(), b"\xff".isalpha())
print(b"-".join([b"a", b"b"]), b"abc".partition(b"b"), b"a\nb".splitlines(), b"ab".zfill(4))
print(hash(b"abc") == hash(b"abc"), bytes.maketrans(b"ab", b"xy")[97], b"abc".translate(bytes.maketrans(b"ab", b"xy")), b"hello".translate(None, b"l"))
