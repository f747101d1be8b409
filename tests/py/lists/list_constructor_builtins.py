print(list(map(str, [1, 2])), list(filter(None, [0, 1, 2])), list(zip([1, 2], "ab")), list(enumerate("ab", 1)))
print(list(range(3, 0, -1)), list(reversed([1, 2, 3])), list(iter([1, 2])), list(x for x in "ab"))
try:
    list(5)
except TypeError as e:
    print(type(e).__name__, e)
l = [4, 5, 6]
print(l.__len__(), l.__getitem__(1), l.__contains__(5), l.__add__([7]), list.__mul__(l, 2)[:4])
print(list.__name__, type([]) is list, isinstance([], list), [].__class__.__name__)
import sys
print(sys.getsizeof([]) > 0)
