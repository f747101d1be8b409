# Modules take weak references and may change class to and from ModuleType subclasses
import types, sys, weakref, gc
class Verbose(types.ModuleType):
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return super().__getattribute__(name)
    def __setattr__(self, name, value):
        print("set", name)
        super().__setattr__(name, value)
m = types.ModuleType("vm")
m.x = 1
m.__class__ = Verbose
print(m.x, type(m).__name__, isinstance(m, types.ModuleType))
m.y = 2
mod = sys.modules[__name__]
class CallableModule(types.ModuleType):
    def __call__(self): return "called"
    @property
    def answer(self): return 42
mod.__class__ = CallableModule
print(mod(), mod.answer, type(mod).__name__)
m.__class__ = types.ModuleType
print(m.x, type(m).__name__)
class Slotted(types.ModuleType):
    __slots__ = ("extra",)
try:
    m.__class__ = Slotted
except TypeError as e:
    print("TE", e)
try:
    m.__class__ = int
except TypeError as e:
    print("TE", e)
try:
    (5).__class__ = bool
except TypeError as e:
    print("TE", e)
r = weakref.ref(sys)
print(r() is sys, weakref.getweakrefcount(sys) >= 1)
t = types.ModuleType("tmpmod")
w = weakref.ref(t, lambda ref: print("callback, dead:", ref() is None))
del t
gc.collect()
print(w())
class Sub(types.ModuleType): pass
s = Sub("s")
ws = weakref.ref(s)
del s
gc.collect()
print(ws())
cache = weakref.WeakValueDictionary()
cache["math"] = __import__("math")
print(list(cache), "__weakref__" in types.ModuleType.__dict__)
print(weakref.proxy(sys).__name__)
