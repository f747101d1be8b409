# Containers release their items as CPython does, which is the order the
# items' finalizers run in: lists and tuples last item first, dicts in
# insertion order; list.clear() and slice replacement last first too.
class D:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


l = [D(1), D(2), D(3)]
del l
t = (D(4), D(5), D(6))
del t
d = {1: D(7), 2: D(8)}
del d
s = [D(9), D(10), D(11)]
s.clear()
r = [D(12), D(13), D(14), D(15)]
r[1:3] = []
print("after slice")
del r
nested = [(D(16), D(17)), [D(18), D(19)]]
nested = None
print("end")
