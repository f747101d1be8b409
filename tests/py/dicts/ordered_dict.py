from collections import OrderedDict
od = OrderedDict()
od["b"] = 1; od["a"] = 2; od["c"] = 3
od.move_to_end("b")
print(list(od.items()))
od.move_to_end("c", last=False)
print(list(od))
print(od.popitem(), od.popitem(last=False), list(od.items()))
od = OrderedDict.fromkeys("abcde")
del od["c"]
print(list(od), list(reversed(od)))
try:
    od.move_to_end("zz")
except KeyError as e:
    print(type(e).__name__, e)
