# Instance attribute sites stay right when what their cached version proved
# changes: a __getattribute__/__getattr__/__setattr__ added to (or removed
# from) the class after the site specialised, a subclass that overrides them
# reaching the site, and one site that sees a class and its instances (the
# class-attribute form caches the class's own version there).


class P:
    def __init__(self):
        self.a = 1


def get(o):
    return o.a


def put(o, v):
    o.a = v


p = P()
for _ in range(200):
    get(p)
    put(p, 1)
P.__getattribute__ = lambda self, name: ("via getattribute", name)
print(get(p))
del P.__getattribute__
print(get(p))
P.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 10)
put(p, 2)
print(get(p))
del P.__setattr__
put(p, 3)
print(get(p))


class Q(P):
    def __getattribute__(self, name):
        return "Q." + name

    def __setattr__(self, name, v):
        object.__setattr__(self, "log", (name, v))


q = Q()
print(get(q))
put(q, 5)
print(object.__getattribute__(q, "__dict__"))


class R:
    a = "class attribute"

    def __init__(self):
        self.a = "instance attribute"


out = set()
for i in range(400):
    out.add(get(R if i % 3 == 0 else R()))
print(sorted(out))


class G:
    def __getattr__(self, name):
        return "missing " + name


g = G()
g.a = "present"
for _ in range(200):
    get(g)
del g.a
print(get(g))
print(get(p), get(R()), get(R))
