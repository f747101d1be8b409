# LOAD_ATTR / STORE_ATTR sites that specialise and then see something else:
# each loop runs a site many times before and after the change.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Q:
    def __init__(self, y, x):
        # Same names, other insertion order: other entry indices.
        self.y = y
        self.x = x


def get_x(o):
    return o.x


# Polymorphic site: two classes, then a mix.
print(sum(get_x(P(i, 0)) for i in range(50)))
print(sum(get_x(Q(0, i)) for i in range(50)))
print(sum(get_x(P(i, 0) if i % 2 else Q(0, i)) for i in range(100)))


# Instance dict with a different insertion order, same class.
class R:
    pass


def make_r(first, i):
    r = R()
    if first:
        r.a = i
        r.b = -i
    else:
        r.b = -i
        r.a = i
    return r


def get_a(o):
    return o.a


print([get_a(make_r(i % 3 == 0, i)) for i in range(12)])


# Class attribute changed after specialisation.
class C:
    k = 1


def get_k(o):
    return o.k


c = C()
print([get_k(c) for _ in range(20)][-1])
C.k = 2
print(get_k(c))
c.k = 3  # now the instance shadows it
print(get_k(c))
del c.k
print(get_k(c))


# A data descriptor added to the class after the site specialised on the
# instance __dict__.
class D:
    pass


d = D()
d.v = "instance"
print([get_v for get_v in [lambda o: o.v]][0](d))


def get_v(o):
    return o.v


for _ in range(30):
    get_v(d)
D.v = property(lambda self: "property")
print(get_v(d))
del D.v
print(get_v(d))


# Store sites: replace an existing instance entry, then the class gains a
# setter.
class S:
    def __init__(self):
        self.n = 0


def bump(o):
    o.n = o.n + 1


s = S()
for _ in range(40):
    bump(s)
print(s.n)
log = []
S.n = property(lambda self: 100, lambda self, v: log.append(v))
bump(s)
print(s.n, log, s.__dict__)
del S.n
bump(s)
print(s.n, s.__dict__)

# Replacing the instance __dict__ after the site specialised.
s.__dict__ = {"n": 10}
bump(s)
print(s.n)
s.__dict__ = {}
try:
    bump(s)
except AttributeError as e:
    print("AttributeError:", e)
