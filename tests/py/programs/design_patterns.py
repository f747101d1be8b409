import time
class FakeClock:
    def __init__(self): self.t = 0.0
    def __call__(self): return self.t
    def advance(self, dt): self.t += dt
class TokenBucket:
    def __init__(self, rate, cap, clock=time.monotonic):
        self.rate, self.cap, self.clock = rate, cap, clock
        self.tokens = cap; self.last = clock()
    def allow(self, cost=1):
        now = self.clock(); self.tokens = min(self.cap, self.tokens + (now - self.last) * self.rate); self.last = now
        if self.tokens >= cost: self.tokens -= cost; return True
        return False
clk = FakeClock(); tb = TokenBucket(2, 5, clk)
res = []
for i in range(20):
    res.append("Y" if tb.allow() else "n"); clk.advance(0.1)
print("".join(res), round(tb.tokens, 6))
class Singleton:
    _inst = None
    def __new__(cls, *a, **k):
        if cls._inst is None: cls._inst = super().__new__(cls); print("created")
        return cls._inst
    def __init__(self, v): self.v = v
s1 = Singleton(1); s2 = Singleton(2); print(s1 is s2, s1.v)
class Meta(type):
    _instances = {}
    def __call__(cls, *a, **k):
        if cls not in cls._instances: cls._instances[cls] = super().__call__(*a, **k)
        return cls._instances[cls]
class Config(metaclass=Meta):
    def __init__(self): self.data = {}
print(Config() is Config(), type(Config).__name__)
class Subject:
    def __init__(self): self._obs = []
    def attach(self, o): self._obs.append(o); return self
    def notify(self, **kw):
        for o in self._obs: o.update(self, **kw)
class Printer:
    def __init__(self, tag): self.tag = tag
    def update(self, subj, **kw): print(self.tag, sorted(kw.items()))
Subject().attach(Printer("p1")).attach(Printer("p2")).notify(temp=20, hum=0.5)
def retry(times, exc=Exception):
    def deco(fn):
        def wrapper(*a, **k):
            for attempt in range(1, times + 1):
                try: return fn(*a, **k)
                except exc as e: print(f"attempt {attempt} failed: {e}")
            raise RuntimeError(f"{fn.__name__} failed after {times} attempts")
        return wrapper
    return deco
calls = iter([ValueError("a"), ValueError("b"), 42])
@retry(3, ValueError)
def flaky():
    v = next(calls)
    if isinstance(v, Exception): raise v
    return v
print(flaky())
@retry(2)
def always(): raise OSError(2, "nope")
try: always()
except RuntimeError as e: print(e)
class Timer:
    def __init__(self, clock): self.clock = clock
    def __enter__(self): self.start = self.clock(); return self
    def __exit__(self, *exc): self.elapsed = self.clock() - self.start; return False
with Timer(clk) as t: clk.advance(1.5)
print(t.elapsed)
class classproperty:
    def __init__(self, f): self.f = f
    def __get__(self, obj, owner): return self.f(owner)
class Descr:
    def __set_name__(self, owner, name): self.name = "_" + name
    def __get__(self, obj, owner=None):
        if obj is None: return self
        return getattr(obj, self.name, 0)
    def __set__(self, obj, v):
        if v < 0: raise ValueError(f"{self.name[1:]} must be >= 0")
        setattr(obj, self.name, v)
class Prod:
    price = Descr(); qty = Descr()
    @classproperty
    def kind(cls): return cls.__name__.lower()
p = Prod(); p.price = 3; print(p.price, p.qty, Prod.kind, type(Prod.price).__name__)
try: p.qty = -1
except ValueError as e: print(e)
class Plugin:
    registry = {}
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw); Plugin.registry[name or cls.__name__] = cls
class A(Plugin, name="alpha"): pass
class B(Plugin): pass
print(Plugin.registry)
class Attr:
    def __getattr__(self, n):
        if n.startswith("get_"): return lambda: n[4:]
        raise AttributeError(f"{type(self).__name__!r} object has no attribute {n!r}")
print(Attr().get_name())
try: Attr().zzz
except AttributeError as e: print(e)
class Frozen:
    __slots__ = ("a",)
    def __init__(s): object.__setattr__(s, "a", 1)
    def __setattr__(s, k, v): raise AttributeError(f"cannot set {k}")
try: Frozen().a = 2
except AttributeError as e: print(e)
