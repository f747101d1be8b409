# re.RegexFlag behaves as CPython's IntFlag enum where programs see it: the
# one-letter aliases (RegexFlag.I), iteration, len(), RegexFlag['M'],
# __members__, `in`, composite names, and combining with any int keeps a
# RegexFlag (flags = 0; flags |= re.I gives re.IGNORECASE).
import re

print(list(re.RegexFlag), len(re.RegexFlag), re.RegexFlag["I"], re.RegexFlag["IGNORECASE"], re.RegexFlag(2))
print(re.RegexFlag.I is re.I, re.RegexFlag.S, type(re.I), re.I.name, (re.I | re.M).name, re.NOFLAG.name, re.M.value)
print(list(re.RegexFlag.__members__), re.I in (re.I | re.M), re.S in re.M, re.I in re.RegexFlag)
try:
    2 in re.I
except TypeError as e:
    print("TypeError:", e)
flags = 0
for letter in "IMS":
    flags |= re.RegexFlag[letter]
print(flags, repr(flags), type(flags).__name__, re.compile("a.b", flags).flags)
for v in (re.I | 1, 1 | re.I, re.I & 3, 3 & re.I, re.I ^ 1, re.I | 1024, re.I | True, re.I + 0):
    print(repr(v), type(v).__name__)
print(str(re.X | re.A), f"{re.U}", format(re.I, "d"), ~re.I, re.compile("x", re.X | re.A).flags)
