# -*- coding: cp1252 -*-
# Source in cp1252: the bytes 0x80 and 0xe9 are the euro sign and e-acute.
s = "€é"
print(s, len(s), [hex(ord(c)) for c in s])
print("café".upper())
