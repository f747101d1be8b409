s = "0123456789"
for sl in [slice(None, None, -1), slice(8, 2, -2), slice(-1, -5, -1), slice(2, 8, -1), slice(None, 3, -1), slice(3, None, -1), slice(-100, None, -1), slice(None, -100, -1)]:
    print(sl, repr(s[sl]), list(range(10))[sl] == [int(c) for c in s[sl]])
print(list(range(10, 0, -2)), list(range(0, -10, -3)), list(range(-1, -11, -1))[:3])
l = list(range(6))
l[::-2] = ["a", "b", "c"]
print(l)
del l[-1::-3]
print(l)
