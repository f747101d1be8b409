import unicodedata
s1 = "caf\u00e9"
s2 = "cafe\u0301"
print(s1 == s2, len(s1), len(s2))
print(unicodedata.normalize("NFC", s2) == s1, unicodedata.normalize("NFD", s1) == s2)
print(unicodedata.name("é"), unicodedata.name("😀"), unicodedata.category("A"), unicodedata.category("1"), unicodedata.category(" "))
print(unicodedata.lookup("SNOWMAN"), unicodedata.decimal("٣"), unicodedata.numeric("½"), unicodedata.digit("²"))
print(unicodedata.normalize("NFKC", "ﬁ①"), unicodedata.combining("\u0301"), unicodedata.mirrored("("))
