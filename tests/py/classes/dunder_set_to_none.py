# A special method set to None: __hash__/__iter__/__contains__/__reversed__
# have their own messages; any other is called, and None is not callable
# (in particular __repr__ = None must not fall back to, or crash in, repr).
class Base:
    def __repr__(self): return 'Base()'
cases = {
    '__repr__': lambda o: repr(o), '__str__': lambda o: str(o), '__len__': len,
    '__bool__': bool, '__call__': lambda o: o(), '__getitem__': lambda o: o[0],
    '__init__': None, '__next__': next, '__index__': lambda o: [1][o],
    '__float__': float, '__int__': int, '__neg__': lambda o: -o,
    '__getattr__': lambda o: o.missing, '__hash__': hash, '__iter__': iter,
    '__contains__': lambda o: 1 in o, '__reversed__': reversed,
}
for name, use in cases.items():
    cls = type('N', (Base,), {name: None})
    try:
        obj = cls()
        use(obj)
        print(name, 'no error')
    except TypeError as e:
        print(name, '->', e)
