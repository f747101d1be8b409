# __class__ assignment between a class and its subclass (no __slots__: the
# layouts are the same), and back, while a site reads the attributes.


class A:
    def __init__(self):
        self.x = "ax"
        self.y = "ay"

    def who(self):
        return "A"


class A2(A):
    def who(self):
        return "A2"


o = A()
o.__class__ = A2
print(type(o).__name__, o.who(), vars(o))
o.z = 1
o.__class__ = A
print(type(o).__name__, o.who(), vars(o))


def read(o):
    return o.who() + o.x + o.y


pool = [A() for _ in range(20)]
seen = []
for rnd in range(200):
    p = pool[rnd % 20]
    p.__class__ = A2 if p.__class__ is A else A
    seen.append(read(p))
print(seen[:3], seen[-3:], len(set(seen)))
