# With too many positional arguments and a bad keyword, CPython reports the
# keyword problem: keywords are bound before the positional count is checked.
def pair(a, b): pass
def with_default(a, b=1): pass
def kwonly(a, *, k): pass
def kwonly2(a, *, k, j=0): pass
class Box:
    def put(self, item): pass

calls = [
    lambda: pair(1, 2, 3, b=4),
    lambda: pair(1, 2, 3, c=4),
    lambda: pair(1, 2, 3),
    lambda: with_default(1, 2, 3, b=2),
    lambda: with_default(1, 2, 3),
    lambda: kwonly(1, 2, k=3),
    lambda: kwonly(1, 2),
    lambda: kwonly2(1, 2, k=3, j=4),
    lambda: kwonly(1, 2, k=3, z=4),
    lambda: Box().put(1, 2, item=3),
    lambda: Box().put(1, 2),
    lambda: pair(1, 2, 3, **{'a': 1}),
]
for c in calls:
    try:
        c()
    except TypeError as e:
        print(e)
