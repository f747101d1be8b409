# Threads store new attributes (the STORE_ATTR form that adds a key to the
# instance __dict__, creating the dict if missing) at shared sites: on fresh
# objects of their own, on shared objects that have no __dict__ yet (racing
# to create it), and on objects whose __dict__ another thread keeps replacing,
# while the class gains and loses a data descriptor for one of the names.
import _thread

N, ROUNDS, OBJS = 4, 200, 40
stop = [False]
errors = []


class P:
    pass


class Q(P):
    pass


def s0(o, v):
    o.t0 = v


def s1(o, v):
    o.t1 = v


def s2(o, v):
    o.t2 = v


def s3(o, v):
    o.t3 = v


STORES = [s0, s1, s2, s3]
taken = []


def set_m(self, v):
    taken.append(v)


def init(o, i):
    o.a = i
    o.b = -i
    o.m = i  # a plain attribute, or the property's setter while installed
    return o


shared_rounds = [[(P if j % 2 else Q)() for j in range(OBJS)] for _ in range(ROUNDS)]
replaced = [P() for _ in range(8)]


def work(k):
    store = STORES[k]
    try:
        for r in range(ROUNDS):
            mine = [init((P if j % 2 else Q)(), j) for j in range(OBJS)]
            for j, o in enumerate(mine):
                assert o.a == j and o.b == -j, (o.a, o.b)
            for o in shared_rounds[r]:
                store(o, k)
            for o in replaced:
                store(o, r)
    except BaseException as e:  # reported by the main thread
        errors.append(repr(e))


def mutate():
    n = 0
    while not stop[0]:
        n += 1
        P.m = property(lambda self: "prop", set_m)
        del P.m
        for o in replaced:
            o.__dict__ = {"n": n}


workers = [_thread.start_joinable_thread(lambda k=k: work(k)) for k in range(N)]
m = _thread.start_joinable_thread(mutate)
for h in workers:
    h.join()
stop[0] = True
m.join()
assert not errors, errors[:3]
for objs in shared_rounds:
    for o in objs:
        assert (o.t0, o.t1, o.t2, o.t3) == (0, 1, 2, 3), o.__dict__
for o in replaced:
    assert "n" in o.__dict__, o.__dict__  # the mutator stores last
print("ok")
