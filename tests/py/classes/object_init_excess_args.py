# Extra arguments reaching object.__init__ or object.__new__: which of
# CPython 3.11's messages applies depends on which of __new__/__init__ the
# class overrides and on which of the two is called.
def t(f):
    try: print(f())
    except Exception as e: print(type(e).__name__ + ":", e)
class A: pass
class B:
    def __init__(self, *a, **k): super().__init__(*a, **k)
class C:
    def __new__(cls, *a, **k): return super().__new__(cls, *a, **k)
class D:
    def __new__(cls, *a): return super().__new__(cls)
class E:
    def __init__(self, *a): pass
    def __new__(cls, *a): return object.__new__(cls, *a)
class Mixin:
    def __init__(self, name, **kw):
        super().__init__(**kw)
        self.name = name
class User(Mixin):
    pass
t(lambda: object.__init__(object(), 1))
t(lambda: object.__init__(A(), 1))
t(lambda: object.__init__(A(), x=1))
t(lambda: B(1))
t(lambda: B(x=1))
t(lambda: C(1))
t(lambda: E(1))
t(lambda: object.__new__(A, 1))
t(lambda: object.__new__(C, 1))
t(lambda: A(1))
t(lambda: A(x=1))
t(lambda: User("n", extra=1))
t(lambda: object(1))
t(lambda: object.__init__(5, 1))
t(lambda: int.__init__(5, 1))
t(lambda: Exception.__init__(Exception(), 1, 2))
