def square(x): return x * x
print([square(x) for x in range(6)])
print(list(map(square, range(6))) == [square(x) for x in range(6)])
print([f"{n}:{len(n)}" for n in ["a", "bb", "ccc"]])
funcs = {name: (lambda n: lambda x: x + n)(i) for i, name in enumerate(["zero", "one", "two"])}
print({k: f(10) for k, f in funcs.items()})
print(sorted([(len(w), w) for w in "the quick brown fox jumps".split()]))
print([str(i) * i for i in range(4)])
print(["even" if i % 2 == 0 else "odd" for i in range(4)])
