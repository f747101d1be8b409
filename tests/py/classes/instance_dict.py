class Obj:
    cls_attr = 1
o = Obj()
print(o.__dict__)
o.a = 1
o.__dict__["b"] = 2
print(o.b, vars(o))
o.__dict__ = {"replaced": True}
print(o.replaced, hasattr(o, "a"))
try:
    o.__dict__ = 5
except TypeError as e:
    print(type(e).__name__, e)
print(type(Obj.__dict__).__name__)
try:
    Obj.__dict__["x"] = 1
except TypeError as e:
    print(type(e).__name__, e)
setattr(Obj, "y", 2)
print(Obj.y, "y" in Obj.__dict__)
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
