# Star unpacking in assignment targets.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = "hello"
print(a, b)
a, *b, c = range(5)
print(a, b, c)
a, *b, c = 1, 2
print(a, b, c)
(a, *b), c = (1, 2, 3), 4
print(a, b, c)
[*a] = (1, 2)
print(a)
first, *_, last = range(10)
print(first, last)
try:
    a, *b, c = [1]
except ValueError as e:
    print(type(e).__name__, e)
for x, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(x, rest)
print([*range(3), *"ab"])
print((*[1, 2], 3))
print({*[1, 1, 2]})
print({**{"a": 1}, "b": 2, **{"a": 3}})
