import textwrap, string
print(textwrap.dedent("""\
    def f():
        return 1
"""))
print(string.Template("${a}-${b}").substitute({"a": 1, "b": 2}))
print(f"{'left':<8}|{'right':>8}|{'mid':^8}|")
for row in [("apple", 1.5, 3), ("kiwi", 0.25, 12)]:
    print("{:<6} {:>6.2f} {:>4d}".format(*row))
