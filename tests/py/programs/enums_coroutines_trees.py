from enum import Enum, IntEnum, Flag, auto, unique
class Color(Enum):
    RED = 1; GREEN = 2; BLUE = 3
    def describe(self): return f"{self.name.lower()}={self.value}"
    @classmethod
    def parse(cls, s): return cls[s.upper()]
class Perm(Flag):
    R = auto(); W = auto(); X = auto()
class Pri(IntEnum):
    LOW = 1; HIGH = 10
print(Color.RED, repr(Color.GREEN), Color.parse("blue").describe(), [c.name for c in Color], Color(2) is Color.GREEN)
print(Perm.R | Perm.W, repr(Perm.R | Perm.X), Perm.W in (Perm.R | Perm.W), ~Perm.R, Perm(0), list(Perm))
print(Pri.HIGH > Pri.LOW, Pri.HIGH + 1, sorted([Pri.HIGH, Pri.LOW]), f"{Pri.LOW}", str(Pri.LOW), int(Pri.HIGH), Pri(10))
try:
    @unique
    class Dup(Enum):
        A = 1; B = 1
except ValueError as e: print(e)
class Light(Enum):
    RED = "red"; GREEN = "green"; YELLOW = "yellow"
    def next(self): return {Light.RED: Light.GREEN, Light.GREEN: Light.YELLOW, Light.YELLOW: Light.RED}[self]
s = Light.RED
for _ in range(4): print(s.value, end=" -> "); s = s.next()
print(s.value)
def averager():
    total = n = 0; avg = None
    while True:
        x = yield avg
        if x is None: return (n, avg)
        total += x; n += 1; avg = total / n
a = averager(); next(a); print([a.send(v) for v in (10, 20, 60)])
try: a.send(None)
except StopIteration as e: print("result", e.value)
def delegator():
    r = yield from averager(); print("delegated result", r); yield "done"
d = delegator(); next(d); d.send(4); d.send(6); print(d.send(None))
def counter():
    i = 0
    try:
        while True:
            try: i += 1; yield i
            except ValueError: print("reset"); i = 0
    finally: print("counter closed")
c = counter(); print(next(c), next(c), c.throw(ValueError), next(c)); c.close()
g = (x * x for x in range(5)); print(sum(g), sum(g), list(zip(*[(1, 'a'), (2, 'b')])))
def tree(n): 
    if n: yield n; yield from tree(n - 1); yield from tree(n - 1)
print(list(tree(3)))
class Countdown:
    def __init__(s, n): s.n = n
    def __iter__(s):
        n = s.n
        while n > 0: yield n; n -= 1
    def __len__(s): return s.n
    def __getitem__(s, i): return list(s)[i]
print(list(Countdown(4)), len(Countdown(3)), Countdown(5)[1:3], 2 in Countdown(3), list(enumerate(Countdown(2), start=1)))
class Node:
    def __init__(s, v, *kids): s.v = v; s.kids = list(kids)
    def __repr__(s): return f"Node({s.v!r}{', ' if s.kids else ''}{', '.join(map(repr, s.kids))})"
    def walk(s, depth=0):
        yield depth, s.v
        for k in s.kids: yield from k.walk(depth + 1)
t = Node("root", Node("a", Node("a1")), Node("b"))
print(t); [print("  " * dd + v) for dd, v in t.walk()]
l = [1, 2]; l.append(l); print(l); dct = {"self": None}; dct["self"] = dct; print(dct)
