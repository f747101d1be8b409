import itertools as it
print(list(it.product("ab", [1, 2])), len(list(it.product(range(3), repeat=3))))
print(list(it.permutations("abc", 2)), len(list(it.permutations(range(5)))))
print(list(it.combinations("abcd", 2)), list(it.combinations(range(4), 3)))
print(list(it.combinations_with_replacement("ab", 2)), list(it.combinations("ab", 3)), list(it.permutations([])))
print(list(it.product()), list(it.product([], [1])))
