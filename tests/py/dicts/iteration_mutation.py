d = {i: i for i in range(5)}
try:
    for k in d:
        d[k + 100] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
d = {i: i for i in range(5)}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(type(e).__name__, e)
d = {i: i for i in range(5)}
for k in d:
    d[k] = k * 10
print(d)
for k in list(d):
    if k % 2:
        del d[k]
print(d)
s = {1, 2, 3}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"a": 1}
it = iter(d)
d["b"] = 2
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
d = {"a": 1, "b": 2}
it = iter(d.items())
d.pop("a"); d["c"] = 3
try:
    next(it)
except RuntimeError as e:
    print(type(e).__name__, e)
