# BaseException.__setstate__ sets each item of the state dict as an
# attribute (pickle's BUILD calls it); None is accepted, anything else that
# is not a dict is a TypeError.
import copy
import pickle


class AppError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg)
        self.code = code

    @property
    def level(self):
        return self._level

    @level.setter
    def level(self, v):
        self._level = v.upper()


e = ValueError("x")
print(e.__setstate__({"a": 1, "b": [2]}), e.a, e.b, sorted(vars(e)))
print(e.__setstate__(None), e.args)
for bad in (5, [("a", 1)], "s"):
    try:
        e.__setstate__(bad)
    except TypeError as err:
        print("TypeError:", err)
a = AppError("boom", code=7)
a.level = "warn"
print(a.__reduce__())
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    b = pickle.loads(pickle.dumps(a, proto))
    print(proto, type(b).__name__, b, b.code, b.level, b.args)
c = copy.deepcopy(a)
print(c.code, c.level, c is not a)
o = OSError(2, "No such file", "f.txt")
o.extra = "x"
p = pickle.loads(pickle.dumps(o))
print(p, p.errno, p.filename, p.extra, type(p).__name__)
print("__setstate__" in dir(BaseException), "__setstate__" in dir(KeyError))
