# Seeded random attribute operations on instances of a few classes, checked
# against a plain-dict model and printed as a digest: stores (in and out of
# each class's usual order), deletes, re-adds, vars()/__dict__ access and
# writes through it, __dict__ replacement, __class__ swaps between classes
# of one layout, many names (past the shared-key limit), and reads at
# specialised sites. CPython's output is the reference.
import random

rng = random.Random(20261124)


class A:
    def __init__(self):
        self.a = 0
        self.b = 1


class B:
    def __init__(self):
        self.b = 2
        self.a = 3


class C(A):
    pass


CLASSES = [A, B, C]
NAMES = ["a", "b", "c", "d", "e", "f"] + ["n%d" % i for i in range(40)]


def read_a(o):
    return o.a


def read_b(o):
    return o.b


def store_c(o, v):
    o.c = v


objs = [rng.choice(CLASSES)() for _ in range(30)]
# The model's order: what CPython's vars() shows, taken once at the start.
models = [dict(vars(o)) for o in objs]
mismatches = 0
for step in range(6000):
    i = rng.randrange(len(objs))
    o, m = objs[i], models[i]
    op = rng.randrange(12)
    name = rng.choice(NAMES[:8] if rng.random() < 0.9 else NAMES)
    if op <= 3:
        v = rng.randrange(1000)
        setattr(o, name, v)
        m[name] = v
    elif op == 4:
        try:
            delattr(o, name)
            del m[name]
        except AttributeError:
            if name in m:
                mismatches += 1
    elif op == 5:
        if vars(o) != m or list(vars(o)) != list(m):
            mismatches += 1
    elif op == 6:
        d = o.__dict__
        v = rng.randrange(1000)
        d[name] = v
        m[name] = v
    elif op == 7 and rng.random() < 0.2:
        nd = {k: v for k, v in reversed(list(m.items()))}
        o.__dict__ = nd
        models[i] = m = dict(nd)
    elif op == 8:
        o.__class__ = rng.choice(CLASSES)
    elif op == 9:
        try:
            got = read_a(o)
            if m.get("a", None) != got:
                mismatches += 1
        except AttributeError:
            if "a" in m:
                mismatches += 1
        try:
            got = read_b(o)
            if m.get("b", None) != got:
                mismatches += 1
        except AttributeError:
            if "b" in m:
                mismatches += 1
    elif op == 10:
        v = rng.randrange(1000)
        store_c(o, v)
        m["c"] = v
    elif rng.random() < 0.1:
        objs[i] = rng.choice(CLASSES)()
        models[i] = dict(vars(objs[i]))
    if step % 1000 == 999:
        digest = sum((j + 1) * (k + 1) * v for j, x in enumerate(objs)
                     for k, v in enumerate(vars(x).values()))
        print(step, mismatches, digest, sorted(len(vars(x)) for x in objs))
print("final", mismatches, [list(vars(x))[:4] for x in objs[:5]])

# Phase 2: nothing asks for a dict until the end, so the instances keep
# their values arrays (out-of-order adds and > 30 names still make dicts).
objs = [rng.choice(CLASSES)() for _ in range(30)]
models = [{"a": o.a, "b": o.b} if type(o) is not B else {"b": o.b, "a": o.a} for o in objs]
mismatches = 0
for step in range(8000):
    i = rng.randrange(len(objs))
    o, m = objs[i], models[i]
    r = rng.random()
    name = rng.choice(NAMES[:6] if rng.random() < 0.95 else NAMES)
    if r < 0.5:
        v = rng.randrange(1000)
        setattr(o, name, v)
        m[name] = v
    elif r < 0.6:
        if hasattr(o, name) != (name in m):
            mismatches += 1
        if name in m:
            delattr(o, name)
            del m[name]
    else:
        for n in ("a", "b", name):
            if getattr(o, n, None) != m.get(n):
                mismatches += 1
print("phase 2", mismatches, sum(vars(x) == m and list(vars(x)) == list(m) for x, m in zip(objs, models)))
