print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), "".split(","), "".split())
print("  a  b\t\nc  ".split(), " a b ".split(" "), "a b c".split(None, 1), "a b c".rsplit(None, 1))
print("abc".split("abc"), "aXbXc".split("X", 0), "aXbXc".split("X", -1), "1<>2<>3".split("<>"))
print("  x  ".rsplit(), "a\u3000b\x1cc".split(), "x".split("x"))
try:
    "a".split("")
except ValueError as e:
    print(type(e).__name__, e)
try:
    "a".split(1)
except TypeError as e:
    print(type(e).__name__, e)
print("a-b-c".split(sep="-", maxsplit=1), "a-b-c".rsplit(sep="-", maxsplit=1))
