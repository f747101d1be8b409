from collections import defaultdict, Counter
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(dict(dd), dd["missing"], len(dd), dd.default_factory.__name__)
di = defaultdict(int)
for ch in "mississippi":
    di[ch] += 1
print(sorted(di.items()))
dn = defaultdict()
try:
    dn["x"]
except KeyError as e:
    print(type(e).__name__, e)
print(dd.get("zz"), "zz" in dd)
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"], sorted(c.elements())[:6], c.total())
c.update("aaz")
c.subtract({"a": 10})
print(sorted(c.items()))
print(sorted((Counter(a=3, b=1) + Counter(a=1, b=2)).items()), sorted((Counter(a=3, b=1) - Counter(a=1, b=2)).items()))
print(sorted((Counter(a=3, b=1) & Counter(a=1, b=2)).items()), sorted((Counter(a=3, b=1) | Counter(a=1, b=2)).items()))
