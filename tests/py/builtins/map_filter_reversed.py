print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, "ab", "cd", "efg")))
print(list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(filter(None, [0, "", "a", [], [0]])), list(filter(str.isdigit, "a1b2")))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(3))), list(reversed((1, 2))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    map(5, [1])
    list(map(5, [1]))
except TypeError as e:
    print(type(e).__name__, e)
class Rev:
    def __reversed__(self): return iter("custom")
print("".join(reversed(Rev())))
m = map(str, range(3))
print(next(m), list(m), list(m))
