# symtable over ftpy's own compiler scope analysis: the same tables as
# python3 3.11 for functions, classes, lambdas, comprehensions, globals,
# nonlocals and annotations.
import symtable
import _symtable


def sym_desc(s):
    flags = []
    for name in ('referenced', 'imported', 'parameter', 'global', 'declared_global', 'local',
                 'annotated', 'free', 'assigned', 'namespace', 'nonlocal'):
        meth = getattr(s, 'is_' + name, None)
        if meth is not None and meth():
            flags.append(name)
    out = s.get_name() + ':' + ','.join(flags)
    if s.is_namespace():
        out += ' ns=' + str([t.get_name() for t in s.get_namespaces()])
    return out


def dump(t, indent=0):
    pad = '  ' * indent
    print(pad + '%s %s line=%s optimized=%s nested=%s children=%s' % (
        t.get_type(), t.get_name(), t.get_lineno(), t.is_optimized(), t.is_nested(), t.has_children()))
    print(pad + '  ids:', sorted(t.get_identifiers()))
    for s in sorted(t.get_symbols(), key=lambda s: s.get_name()):
        print(pad + '   ', sym_desc(s))
    if isinstance(t, symtable.Function):
        print(pad + '  params', t.get_parameters(), 'locals', t.get_locals(), 'globals', t.get_globals(),
              'nonlocals', t.get_nonlocals(), 'frees', t.get_frees())
    if isinstance(t, symtable.Class):
        print(pad + '  methods', t.get_methods())
    for c in t.get_children():
        dump(c, indent + 1)


SOURCES = [
    '''
import os, sys as system
from collections import OrderedDict
x = 1
y: int = 2
z: "str"
def f(a, b=1, *args, c, d=2, **kw):
    global x
    local = a + b + x
    def inner(q):
        nonlocal local
        local += q
        return local + y
    return inner
''',
    '''
class C(Base, metaclass=Meta):
    attr = 1
    __private = 2
    def method(self, v: int) -> str:
        return self.attr + v + __class__.__name__
    @staticmethod
    def sm():
        return super
    class Inner:
        pass
    def uses_super(self):
        return super().method(1)
''',
    '''
def gen(n):
    data = [i * n for i in range(n) if i % 2]
    s = {k for k in data}
    d = {k: v for k, v in zip(data, data)}
    g = (n + j for j in data)
    lam = lambda p, *q: p + n
    yield from g
''',
    '''
def outer():
    a = 1
    b = 2
    def mid():
        def innermost():
            return a + b
        return innermost
    return mid
async def coro(x):
    async with x as y:
        await y
    async for z in x:
        pass
    return [w async for w in x]
''',
    '''
def f(x):
    match x:
        case [a, b, *rest]:
            return a
        case {"k": v, **others}:
            return v
        case Point(x=px) as pt:
            return pt
    try:
        pass
    except Exception as err:
        pass
    with open(x) as fh:
        pass
    del x
    if (n := len(rest)) > 1:
        return n
''',
]

for src in SOURCES:
    top = symtable.symtable(src, '<test>', 'exec')
    dump(top)
    print('---')

top = symtable.symtable('x + y', '<e>', 'eval')
dump(top)
top = symtable.symtable(b'a = 1\nprint(a)\n', '<b>', 'exec')
dump(top)
print(top.lookup('a').is_assigned(), top.lookup('print').is_global())
try:
    top.lookup('nope')
except KeyError as e:
    print('KeyError', e)

raw = _symtable.symtable('def f(a):\n    return a\n', '<raw>', 'exec')
print(type(raw).__name__, raw.name, raw.lineno, raw.type, raw.nested, raw.varnames, raw.symbols)
child = raw.children[0]
print(child.name, child.lineno, child.type, child.nested, child.varnames, child.symbols)
print(repr(child).startswith('<symtable entry f('), repr(child).endswith('), line 1>'))
print(isinstance(raw.id, int), raw.id != child.id)
print({k: getattr(_symtable, k) for k in sorted(dir(_symtable)) if k.isupper()})

def err(*a):
    try:
        print(_symtable.symtable(*a))
    except Exception as e:
        print(type(e).__name__ + ':', e)

err(1, 'f', 'exec')
err('x', 'f', 'bad')
err('x', 'f', 1)
err('x', 1, 'exec')
err('x =', 'f', 'exec')
err('def f():\n    nonlocal q\n', 'f', 'exec')
err('def f(a):\n    global a\n', 'f', 'exec')
print(symtable.symtable('return 1', 'f', 'exec').get_type())
