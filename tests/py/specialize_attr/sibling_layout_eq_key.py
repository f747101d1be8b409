# A site specialised for one attribute layout reads the attribute of a sibling
# class whose instance __dict__ also holds a non-str key with the same hash
# as the name. Looking the name up needs that key's __eq__: it must run once
# per read (not once in a fast path and again in the generic one), and its
# exception must propagate.
calls = 0
armed = False


class K:
    def __init__(self, h):
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        global calls
        calls += 1
        if armed:
            raise ValueError("eq")
        return False


class A:
    def __init__(self):
        self.x = 1
        self.y = 2


class B:
    def __init__(self):
        self.y = 3
        self.x = 4


def get(o):
    return o.x


for i in range(100):
    get(A())
    get(B())

b = B()
del b.x
b.__dict__[K(hash("x"))] = 5
b.x = 6
calls = 0
for i in range(3):
    print(get(b), calls)
armed = True
calls = 0
for i in range(3):
    try:
        get(b)
    except ValueError as e:
        print("ValueError", e, calls)
