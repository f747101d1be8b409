# sorted() builds the list, then passes its keywords to list.sort, so bad
# keywords are reported by sort(); argument parsers count keywords first
# ("takes at most 2 keyword arguments (3 given)").
cases = [
    "sorted([1], kee=1)", "sorted([2, 1], cmp=None)", "[].sort(kee=1)", "[].sort(1)", "[].sort(1, key=None)",
    "sorted([1], key=None, reverse=1, x=2)", "[].sort(key=None, reverse=False, x=1)",
    "sorted(iterable=[1])", "sorted([], **{'a': 1, 'b': 2})", "sorted(1, kee=2)", "sorted()", "sorted(1, 2)",
    "sorted([3, 1, 2], key=lambda x: -x)", "sorted([3, 1, 2], reverse=True, key=None)", "sorted('bca', reverse=0)",
    "sorted([1, 2], key=1)", "sorted([1, 2], reverse='x')",
    "'x'.split(sep=1, maxsplit=2, z=3)", "'x'.split(1, 2, z=3)", "'x'.split(1, 2, 3)",
    "'a'.encode(encoding='u', errors='s', x=1)", "int('1', base=10, x=1)", "round(1, ndigits=2, x=3)",
    "'a'.replace('a', 'b', count=1)", "b'a'.replace(b'a', b'b', count=1)", "'aaa'.replace('a', 'b', 2)",
    "divmod(1, 2, x=3)", "enumerate([], start=0, x=1)",
]
for c in cases:
    try:
        print(c, "->", eval(c))
    except Exception as e:
        print(c, "!", type(e).__name__, e)
print(sorted.__doc__.splitlines()[0])
print(list.sort.__text_signature__)
print(list.sort.__doc__.splitlines()[-1])
