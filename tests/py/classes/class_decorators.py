def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def singleton(cls):
    instances = {}
    def get(*a):
        if cls not in instances:
            instances[cls] = cls(*a)
        return instances[cls]
    return get
@add_repr
class Pt:
    def __init__(self, x, y): self.x, self.y = x, y
print(Pt(1, "two"))
@singleton
class Config:
    def __init__(self, v): self.v = v
print(Config(1).v, Config(2).v, Config(3) is Config(4))
def count_instances(cls):
    orig = cls.__init__
    cls.instances = 0
    def init(self, *a, **k):
        cls.instances += 1
        orig(self, *a, **k)
    cls.__init__ = init
    return cls
@count_instances
class Thing:
    def __init__(self, n): self.n = n
Thing(1); Thing(2)
print(Thing.instances)
