class Outer:
    x = "outer x"
    class Inner:
        y = "inner y"
        def get(self):
            try:
                return x
            except NameError:
                return "no access to Outer.x"
    def make(self):
        return self.Inner()
o = Outer()
print(o.make().y, o.make().get(), Outer.Inner.__qualname__)
def factory(n):
    class Made:
        val = n
        def show(self): return self.val
    return Made
A, B = factory(1), factory(2)
print(A().show(), B().show(), A is B, A.__qualname__)
class Linked:
    class Node:
        def __init__(self, v, nxt=None): self.v, self.nxt = v, nxt
    def __init__(self, *vals):
        self.head = None
        for v in reversed(vals):
            self.head = self.Node(v, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.v
            n = n.nxt
print(list(Linked(1, 2, 3)))
