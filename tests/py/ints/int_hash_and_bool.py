print(hash(0), hash(1), hash(-1), hash(-2), hash(123456789))
print(hash(2 ** 61 - 2), hash(2 ** 61 - 1), hash(2 ** 61), hash(2 ** 62), hash(-(2 ** 61) + 1))
print(hash(10 ** 30), hash(-(10 ** 30)))
print(bool(0), bool(1), bool(-1), bool(2 ** 100))
d = {2 ** 100: "big", -1: "neg"}
print(d[2 ** 100], d[-1])
