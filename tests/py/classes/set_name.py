class Field:
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.private = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.private, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.private, value)
class Model:
    a = Field()
    b = Field()
m = Model()
print(m.a, Model.a.name, Model.b.private, Model.a.owner)
m.a = 5
print(m.a, m._a, m.b)
f = Field()
class Late: pass
Late.x = f
print(hasattr(f, "name"))
class Other:
    y = f
print(f.name, f.owner)
