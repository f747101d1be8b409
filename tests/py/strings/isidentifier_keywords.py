import keyword
cands = ["for", "For", "_", "__x__", "match", "case", "x1", "1x", "x-y", "é", "None", "async", "await", "print", "typing"]
for c in cands:
    print(c, c.isidentifier(), keyword.iskeyword(c), keyword.issoftkeyword(c))
print(len(keyword.kwlist) >= 35, "lambda" in keyword.kwlist)
