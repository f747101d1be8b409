# functools.partialmethod's repr has 3.11's three comma-separated parts, empty
# ones included (a trailing ', ' when there are no keywords).
import functools
class A:
    p1 = functools.partialmethod(print, 1)
    p2 = functools.partialmethod(print, sep="-")
    p3 = functools.partialmethod(print)
    p4 = functools.partialmethod(max, 1, 2, key=abs, default=0)
print(A.__dict__["p1"], A.__dict__["p2"], A.__dict__["p3"], repr(A.__dict__["p4"]), sep="\n")
