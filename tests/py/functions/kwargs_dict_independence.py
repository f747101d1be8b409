def f(**kw):
    kw["added"] = True
    return kw
base = {"a": 1}
r1 = f(**base)
r2 = f(**base)
print(base, r1, r1 is r2)
def g(*args):
    return args
t = (1, 2)
print(g(*t) == t)
lst = [1, 2]
res = g(*lst)
lst.append(3)
print(res)
def h(a, **rest):
    return a, rest
print(h(**{"a": 1, "b": 2, "c": 3}))
from collections import OrderedDict
print(h(**OrderedDict([("c", 3), ("a", 1)])))
