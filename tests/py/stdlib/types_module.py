import types
ns = types.SimpleNamespace(a=1, b="x")
ns.c = [1]
print(ns, ns.a, vars(ns), ns == types.SimpleNamespace(a=1, b="x", c=[1]))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance((x for x in []), types.GeneratorType))
class C:
    def m(self): pass
print(isinstance(C().m, types.MethodType), type(types) is types.ModuleType, types.NoneType is type(None))
mp = types.MappingProxyType({"k": 1})
print(mp["k"], len(mp), dict(mp))
try:
    mp["k"] = 2
except TypeError as e:
    print(type(e).__name__, e)
Dyn = types.new_class("Dyn", (object,), {}, lambda ns: ns.update({"x": 5}))
print(Dyn.x, Dyn.__name__)
