# operator's functions and getters are the C++ _operator module's, as in
# CPython (operator.py ends with 'from _operator import *'): built-in
# reprs, and an error inside one shows no operator.py frame.
import operator

print(operator.add, operator.itemgetter, operator.__lt__, operator.iadd)
print(operator.itemgetter(1, 0)("ab"), operator.attrgetter("real", "imag")(3 + 4j),
      operator.methodcaller("split", ",", 1)("a,b,c"))
print(sorted([(2, "b"), (1, "z"), (2, "a")], key=operator.itemgetter(0, 1)))
print(operator.length_hint(iter([1, 2, 3])), operator.index(7), operator.call(max, 3, 9),
      operator.countOf([1, 2, 1], 1), operator.indexOf("abc", "c"), operator.is_not(None, 1))
for f in (lambda: operator.add(1, "a"), lambda: operator.itemgetter(5)([1]),
          lambda: operator.attrgetter("zz")(1), lambda: operator.indexOf([1], 2)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)

def lookup(rows):
    return [operator.itemgetter("name")(r) for r in rows]

lookup([{"name": "a"}, {"nom": "b"}])
