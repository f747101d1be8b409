# Compiler: match patterns, walrus, global, decorators, class keywords and star bases, except*, async comprehensions/generators, f-strings, displays.
class P:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x = x; self.y = y
def m(s):
    match s:
        case [1, *rest]: return ('seq', rest)
        case (a, b, c): return ('three', a, b, c)
        case {'k': v, **kw}: return ('map', v, kw)
        case P(0, y=yy) if yy > 1: return ('p', yy)
        case P(x=xx) | [xx]: return ('or', xx)
        case {'a': 1} | {'b': 2}: return 'ab'
        case 1 | 2 | 3: return 'small'
        case None: return 'none'
        case True: return 'true'
        case -5: return 'neg5'
        case _: return 'other'
for v in ([1, 2, 3], (4, 5, 6), {'k': 1, 'z': 2}, P(0, 5), P(7, 0), [9], {'b': 2}, 2, None, True, -5, 3.5, 'str'):
    print(m(v))
def walrus():
    data = [1, 2, 3, 4]
    if (n := len(data)) > 3:
        print('long', n)
    print([y for x in data if (y := x * 2) > 4], y)
walrus()
cnt = 0
def bump():
    global cnt
    cnt += 1
bump(); bump()
print(cnt)
def deco(tag):
    def wrap(f):
        def inner(*a):
            return tag + ':' + f(*a)
        return inner
    return wrap
@deco('x')
@deco('y')
def hi(n): return 'hi' + n
print(hi('!'))
def cdeco(cls):
    cls.decorated = True
    return cls
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        ns['kw'] = kw
        return super().__new__(mcls, name, bases, ns)
bases = (object,)
@cdeco
class K(*bases, metaclass=Meta, **{'opt': 1}):
    '''K doc'''
    a = 1
    b = [a * i for i in range(3)] if False else None
    def meth(self): return self.a
print(K.decorated, K.kw, K.__doc__, K().meth(), K.__qualname__)
try:
    raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
except* ValueError as e:
    print('V', repr(e.exceptions))
except* TypeError as e:
    print('T', repr(e.exceptions))
class _S:
    def __await__(self):
        yield 'tick'
def sleep0():
    return _S()
async def work(n):
    total = 0
    for i in range(n):
        await sleep0()
        total += i
    return total
async def main():
    r = [await work(i) for i in range(4)]
    async def agen():
        for i in range(3):
            yield i
            await sleep0()
    got = [x async for x in agen()]
    return r, got
co = main()
ticks = 0
while True:
    try:
        co.send(None); ticks += 1
    except StopIteration as e:
        print(e.value, ticks)
        break
def gen_exp():
    g = (i * i for i in range(5) if i % 2 == 0)
    return list(g)
print(gen_exp())
print({i: i * i for i in range(3)}, {i % 2 for i in range(5)})
x = [1, 2, 3]
x[1:2] = [7, 8]
del x[0]
x[-1] += 10
print(x, x[::-1], x[1:])
d = {}
d['a'] = d.get('a', 0) + 1
d.setdefault('b', []).append(5)
print(d)
print(f"{'nested'!r}|{x=}|{x!s}")
print(*[1, 2], *(3,), sep='-')
def defaults(a, b=[], *, c={}):
    b.append(a); return len(b)
print(defaults(1), defaults(2))
class WithSlots:
    __slots__ = ('a',)
try:
    assert False, 'boom'
except AssertionError as e:
    print('assert', e.args)
print(__debug__)
if __debug__:
    print('debug on')
