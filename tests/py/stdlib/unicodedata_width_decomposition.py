# unicodedata.east_asian_width and decomposition, and canonical ordering of
# combining marks after decomposition (NFD/NFKD reorder, NFC/NFKC compose).
import unicodedata
for c in "aé€😀\u0301 ㄱ中ｱＡ\t\x00١·ᄀ\uac00\u2e80\U00020000":
    print(hex(ord(c)), unicodedata.east_asian_width(c), repr(unicodedata.decomposition(c)))
for c in "ﬁ½²ÅΩ\u0958ẛ①ｶ":
    print(hex(ord(c)), unicodedata.decomposition(c))
for form in ("NFC", "NFD", "NFKC", "NFKD"):
    for s in ["ẛ̣", "q\u0307\u0323", "a\u0301\u0316\u0300", "\u1e0b\u0323", "e\u0301\u0327", "한"]:
        n = unicodedata.normalize(form, s)
        print(form, [hex(ord(c)) for c in n], unicodedata.is_normalized(form, s))
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1 for c in s)
for w in ["hello", "こんにちは", "héllo", "e\u0301e\u0301", "表格x"]:
    print(w + "." * (12 - width(w)) + "|", len(w), width(w))
for bad in ["", "ab", 5]:
    try:
        unicodedata.east_asian_width(bad)
    except TypeError as e:
        print(e)
for f in [unicodedata.category, unicodedata.name, unicodedata.decimal, unicodedata.digit, unicodedata.numeric,
          unicodedata.bidirectional, unicodedata.combining, unicodedata.mirrored, unicodedata.decomposition]:
    try:
        f("ab")
    except TypeError as e:
        print(e)
