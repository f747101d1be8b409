import itertools as it
print(list(it.islice(it.count(10, 5), 4)), list(it.islice(it.cycle("ab"), 5)), list(it.repeat("x", 3)))
print(list(it.accumulate([1, 2, 3, 4])), list(it.accumulate([1, 2, 3], lambda a, b: a * b)), list(it.accumulate([1, 2], initial=100)))
print(list(it.chain("ab", [1])), list(it.chain.from_iterable(["xy", "z"])), list(it.compress("abcd", [1, 0, 1, 0])))
print(list(it.dropwhile(lambda x: x < 3, [1, 4, 1])), list(it.takewhile(lambda x: x < 3, [1, 2, 5, 1])), list(it.filterfalse(None, [0, 1, 0, 2])))
print([(k, list(g)) for k, g in it.groupby("aaabccaa")], [(k, len(list(g))) for k, g in it.groupby([1, 3, 2, 4], key=lambda x: x % 2)])
print(list(it.islice(range(10), 2, 8, 3)), list(it.starmap(pow, [(2, 3), (3, 2)])), [list(t) for t in it.tee([1, 2], 2)])
print(list(it.zip_longest("abc", [1], fillvalue="-")), list(it.pairwise([1, 2, 3, 4])), list(it.islice("abc", None)))
print(list(it.count(1.5, 0.5))[:0] if False else list(it.islice(it.count(1.5, 0.5), 3)))
