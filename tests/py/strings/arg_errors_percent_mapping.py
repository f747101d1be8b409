# CPython's wording for argument-count errors of the find family (parsed
# with PyArg_ParseTuple there), format()'s spec type check, and %-formatting
# that mixes a mapping key with positional conversions.
calls = ["'a'.startswith()", "'a'.endswith('a', 0, 1, 2)", "'a'.find()", "'a'.find(1, 2, 3, 4)", "'a'.rfind()",
         "'a'.index()", "'a'.rindex('a', 1, 2, 3)", "'a'.count()", "'a'.count('a', 1, 2, 3)", "b'a'.count()",
         "b'a'.startswith(1, 2, 3, 4)", "bytearray(b'a').find()", "bytearray(b'a').endswith()",
         "format(1, 5)", "format('x', None)", "format(1.5, b'f')"]
for c in calls:
    try:
        print(c, eval(c))
    except TypeError as e:
        print(c, "TypeError:", e)
class S(str):
    pass
print(format(1, S('>3')), format(2.5, S('')))
d = {'a': 1, 'b': 'x'}
for fmt in ["%(a)s %s", "%s %(a)s", "%(a)s %(b)s", "%(a)*d", "%(a)s%%", "%s"]:
    try:
        print(repr(fmt), repr(fmt % d))
    except TypeError as e:
        print(repr(fmt), "TypeError:", e)
for fmt in [b"%(a)s %s", b"%s"]:
    try:
        print(fmt % {b'a': b'1'})
    except TypeError as e:
        print(fmt, "TypeError:", e)
