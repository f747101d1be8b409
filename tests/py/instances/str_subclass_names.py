# setattr with a str-subclass name: CPython keeps the name object itself as
# the key of the instance dict (the key's type shows in vars()); a store
# with an equal existing key keeps the existing key object.


class Name(str):
    pass


class C:
    def __init__(self):
        self.alpha = 1


c = C()
setattr(c, Name("sub"), "via subclass")
print(c.sub, [type(k).__name__ for k in vars(c)])
setattr(c, Name("alpha"), "overwritten")
print(c.alpha, [type(k).__name__ for k in vars(c)])
