# Compiler: return/break/continue through finally and with, generator close/throw, yield from, closures, super, calls, unpacking, chained comparisons.
def f1():
    for i in range(3):
        try:
            try:
                if i == 1:
                    return ('ret', i)
            finally:
                print('inner', i)
        finally:
            print('outer', i)
print(f1())
def f2():
    r = []
    for i in range(5):
        with CM(i, r):
            if i == 1: continue
            if i == 3: break
            r.append(('body', i))
    return r
class CM:
    def __init__(self, i, r): self.i = i; self.r = r
    def __enter__(self): self.r.append(('enter', self.i)); return self
    def __exit__(self, *a): self.r.append(('exit', self.i))
print(f2())
def g():
    try:
        yield 1
        yield 2
    finally:
        print('gen closed')
it = g()
print(next(it))
it.close()
def g2():
    while True:
        try:
            x = yield
        except KeyError as e:
            print('got', e.args)
            yield 'handled'
it = g2(); next(it)
print(it.throw(KeyError('k')))
def deleg():
    r = yield from g3()
    print('deleg got', r)
def g3():
    a = yield 'a'
    b = yield 'b'
    return (a, b)
it = deleg()
print(next(it), it.send(1))
try:
    it.send(2)
except StopIteration:
    print('stop')
x = 5
def outer():
    x = 1
    def mid():
        nonlocal x
        x += 1
        def inner():
            return x * 100
        return inner()
    return mid(), x
print(outer())
print([(lambda: i)() for i in range(3)])
class Base:
    def hello(self): return 'base'
class D(Base):
    def hello(self): return 'D+' + super().hello()
    @staticmethod
    def s(): return __class__.__name__
print(D().hello(), D.s())
def kw(a, /, b, *, c=3, **rest): return (a, b, c, rest)
print(kw(1, b=2), kw(1, 2, c=4, z=5))
print((lambda *a, **k: (a, k))(*(1, 2), **{'k': 3}))
a, (b, *c), d = 1, (2, 3, 4), 5
print(a, b, c, d)
first, *_, last = range(10)
print(first, last)
t = 0
while t < 10:
    t += 3
    if t == 6: continue
else:
    print('while else', t)
print(1 < 2 < 3, 1 < 3 < 2, 2 == 2 != 3)
print(not 0, -(-3), ~5, +7)
print(1 if [] else 2, [] or 'x', 'a' and 'b')
s = 0
for i in range(10):
    if i % 2 == 0 and i > 2 or i == 1:
        s += i
print(s)
try:
    raise ValueError('a')
except (KeyError, ValueError) as e:
    print('multi', e.args)
def nested_try():
    try:
        try:
            raise KeyError(1)
        except KeyError:
            raise ValueError(2)
    except ValueError as e:
        return (type(e.__context__).__name__, e.args)
print(nested_try())
