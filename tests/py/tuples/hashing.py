print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash((1, "a")) == hash((1, "a")))
d = {(1, 2): "a", (1, (2, 3)): "b"}
print(d[(1, 2)], d[1, (2, 3)])
try:
    hash((1, [2]))
except TypeError as e:
    print(type(e).__name__, e)
try:
    {(1, [2]): 0}
except TypeError as e:
    print(type(e).__name__)
print(len({(1, 2), (1, 2), (2, 1)}), (1, 2) in {(1, 2)}, hash((1, 2.0)) == hash((1, 2)))
