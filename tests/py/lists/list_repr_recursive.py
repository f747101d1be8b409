a = [1, 2]
a.append(a)
print(a, len(a), a[2] is a, a[2][2][0])
b = [a, a]
print(b)
d = {"self": None}
d["self"] = d
print(d)
c = []
c.append([c])
print(c)
