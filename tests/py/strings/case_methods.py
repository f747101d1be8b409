words = ["hello world", "HELLO", "hElLo wOrLd", "they're bill's friends", "ǆungla", "ß straße", "mıx", "ÉCOLE", "ﬁne", "123abc", "ΣΑΣ", ""]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold())
print("ß".upper(), len("ß".upper()), "İ".lower(), len("İ".lower()), "ﬃ".upper())
print("σσ ΣΣ".lower(), "ΌΣΟΣ".lower(), "Σ".lower())
