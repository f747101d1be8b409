class Data:
    def __get__(self, obj, t=None): return "data-descriptor"
    def __set__(self, obj, v): print("Data.__set__", v)
class NonData:
    def __get__(self, obj, t=None): return "non-data"
class C:
    d = Data()
    n = NonData()
c = C()
c.__dict__["d"] = "instance d"
c.__dict__["n"] = "instance n"
print(c.d)
print(c.n)
c.d = 5
print(c.__dict__["d"])
print(C.d, C.n)
class Plain:
    attr = "class"
p = Plain()
print(p.attr)
p.attr = "instance"
print(p.attr, Plain.attr)
del p.attr
print(p.attr)
class GetOnly:
    def __get__(self, obj, t):
        return ("get", obj is None, t.__name__)
class H:
    g = GetOnly()
print(H.g, H().g)
