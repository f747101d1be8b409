print(len.__name__, type(len).__name__, len.__self__ is __builtins__ or type(len.__self__).__name__)
print([].append.__name__, type([].append).__name__)
print(str.upper.__name__, type(str.upper).__name__)
print(str.upper("abc"), list.__len__([1, 2]))
m = "x".join
print(m(["a", "b"]), m.__self__)
print(abs(-3), abs.__name__)
print(dict.fromkeys.__name__, type(dict.__dict__["fromkeys"]).__name__)
