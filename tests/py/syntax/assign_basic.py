# Plain, chained and tuple assignment.
a = b = c = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
(p, q), r = (3, 4), 5
print(p, q, r)
[s, t] = "st"
print(s, t)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
d = {}
d["k"] = d2 = {}
d2["inner"] = 1
print(d)
class O: pass
o = O()
o.a = o.b = [1]
o.a.append(2)
print(o.b, o.a is o.b)
m = n = []
m += [1]
print(n)
try:
    u, v = 1, 2, 3
except ValueError as e:
    print(type(e).__name__)
try:
    u, v, w = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
try:
    u, v = 5
except TypeError as e:
    print(type(e).__name__, e)
