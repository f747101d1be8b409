g = (x * x for x in range(5))
print(type(g).__name__, next(g), list(g))
print(sum(x for x in range(10) if x % 2))
print(list((a, b) for a in range(3) for b in range(a)))
print(max(len(w) for w in ["a", "abc", "ab"]))
n = 10
g = (i + n for i in range(2))
n = 100
print(list(g))
try:
    list(1 / x for x in [1, 0])
except ZeroDivisionError as e:
    print(type(e).__name__)
def first_arg_eager():
    try:
        (x for x in 5)
    except TypeError as e:
        return "eager: " + str(e)
print(first_arg_eager())
g = (x for x in [1, 2])
print(next(g), next(g), next(g, "default"))
print(sorted(c for c in "hello"))
print(dict((k, len(k)) for k in ["aa", "b"]))
