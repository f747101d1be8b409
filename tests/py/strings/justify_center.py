print(repr("ab".center(6)), repr("ab".center(7, "*")), repr("abc".center(2)), repr("a".center(4, "-")))
print(repr("ab".ljust(5, ".")), repr("ab".rjust(5, ".")), repr("abcdef".ljust(3)), repr("x".rjust(0)))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(5), "".zfill(3), "12345".zfill(3), "-".zfill(3))
try:
    "a".center(5, "ab")
except TypeError as e:
    print(type(e).__name__, e)
print(repr("a\tb\tc".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("\t".expandtabs(0)), repr("ab\n\tx".expandtabs(3)), repr("12345\t6".expandtabs(4)))
