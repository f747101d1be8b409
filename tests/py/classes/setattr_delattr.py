class Frozen:
    def __init__(self, x):
        object.__setattr__(self, "x", x)
    def __setattr__(self, name, value):
        raise AttributeError(f"cannot set {name}")
    def __delattr__(self, name):
        raise AttributeError(f"cannot delete {name}")
f = Frozen(1)
print(f.x)
for action in (lambda: setattr(f, "x", 2), lambda: delattr(f, "x")):
    try:
        action()
    except AttributeError as e:
        print(e)
class Recorder:
    def __init__(self):
        self.log = []
    def __setattr__(self, name, value):
        if name != "log":
            self.log.append((name, value))
        super().__setattr__(name, value)
    def __delattr__(self, name):
        self.log.append(("del", name))
        super().__delattr__(name)
r = Recorder()
r.a = 1
r.b = 2
r.a += 5
del r.b
print(r.log, r.a, hasattr(r, "b"))
