# FutureWarning for set syntax a later Python may give a meaning ('[[', '--',
# '&&', '~~', '||' in a class), reported at the caller of re's functions.
import re, warnings
def f(p):
    return re.compile(p)
for p in ["[[:alpha:]]", "[a--b]", "[a&&b]", "[a~~]", "[a||b]", "[--a]", "[^[]", "[a-\\-]", "x(y[[]z)", "[&&]", "[a-c--d]"]:
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        try:
            f(p)
        except re.error as e:
            print(p, "error", e)
        print(p, [(str(x.message), x.category.__name__, x.lineno, x.filename == __file__) for x in w])
re.compile("[[x]")
re.match("a[||]", "a|")
