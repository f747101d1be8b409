# At exit, objects that only __main__'s globals keep alive are finalized, in
# CPython's order: globals bound to objects with __del__ first (in definition
# order, an alias included), then containers in definition order, each
# releasing its items as CPython does (lists and tuples last item first).
import atexit
import collections


class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, flush=True)


class Box:
    def __init__(self, *items):
        self.items = list(items)


lst = [D("l1"), D("l2")]
b = Box(D("b1"), D("b2"))
x = D("x")
s = {D("s1")}
y = D("y")
alias = y
t = (D("t1"), D("t2"))
fs = frozenset([D("fs")])
dq = collections.deque([D("dq")])
m = {"k": D("m")}
atexit.register(lambda: print("atexit runs first"))
print("end of main")
