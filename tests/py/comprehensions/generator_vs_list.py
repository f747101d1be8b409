lst = [x for x in range(3)]
gen = (x for x in range(3))
print(type(lst).__name__, type(gen).__name__)
print(lst == list(gen), list(gen))
print(sum(x for x in range(100)), sum([x for x in range(100)]))
print(tuple(x for x in "abc"), set(x for x in "aab") == {"a", "b"})
print(any(x > 2 for x in [1, 5]), all(x > 2 for x in [1, 5]))
