d = {}
d[1] = "int"
d["1"] = "str"
d[(1,)] = "tuple"
d[frozenset([1])] = "frozenset"
d[None] = "none"
d[1.5] = "float"
d[b"1"] = "bytes"
d[range(1)] = "range"
print(len(d), d[1], d["1"], d[(1,)], d[frozenset({1})], d[None], d[1.5], d[b"1"], d[range(0, 1)])
for bad in ([1], {1}, {}, bytearray()):
    try:
        d[bad] = 0
    except TypeError as e:
        print(type(e).__name__)
class H:
    pass
h = H()
d[h] = "obj"
print(d[h], H() in d)
