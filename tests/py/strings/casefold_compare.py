pairs = [("Straße", "STRASSE"), ("ǅ", "ǆ"), ("ﬁle", "FILE"), ("İstanbul", "istanbul"), ("ΣΊΣΥΦΟΣ", "σίσυφος")]
for a, b in pairs:
    print(a, b, a.lower() == b.lower(), a.casefold() == b.casefold(), a.upper(), b.upper())
print(sorted(["b", "B", "a", "A"], key=str.casefold), sorted(["b", "B", "a", "A"], key=lambda s: (s.casefold(), s)))
