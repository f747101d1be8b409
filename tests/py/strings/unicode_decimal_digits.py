# int()/float()/complex() read every decimal digit character by its value;
# adjacent runs of ten (the mathematical digits U+1D7CE..U+1D7FF) gave 9s.
import sys
# Every decimal digit character (category Nd) converts to its value.
bad = []
count = 0
for cp in range(sys.maxunicode + 1):
    ch = chr(cp)
    if ch.isdecimal():
        count += 1
        try:
            v = int(ch)
        except ValueError:
            bad.append((hex(cp), "error"))
            continue
        if int(ch * 3) != v * 111 or float(ch) != v:
            bad.append((hex(cp), v))
print(count > 600, bad[:10])
print(int("𝟘𝟙"), int("𝟡𝟢𝟬𝟶𝟿"), float("𝟙.𝟝"), int("١٢٣"), int("١٢٣", 8) if False else "", int("𝟷𝟶", 16), complex("𝟙+𝟚j"))
