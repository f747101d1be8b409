# Lock-free list reads (DESIGN.md §4.4) against every kind of list mutation.
#
# Readers index, iterate (forwards and reversed), take len(), and test `in`,
# count and index on two shared lists while writers mutate them:
#   - `acct` only sees operations that neither lose nor duplicate elements
#     (append, extend, insert, pop, sort, reverse, slice insertion), so at the
#     end the popped elements plus those left are exactly those added;
#   - `chaos` sees everything else (clear, slice and extended-slice
#     assignment and deletion, item assignment, `*=`, `+=`).
# Elements are heap objects created at run time (`acct` holds big ints, which
# sort without running Python code, so no sort can be interrupted; `chaos`
# holds instances), so a reader that took a reference to a freed element would
# crash or fail the type check (ASan reports it). Finally several threads share one iterator and must receive
# each element exactly once.
import threading

NW, NR, ITERS = 3, 3, 1500


class Item:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


def run_all(fns):
    ts = [threading.Thread(target=f) for f in fns]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


def check_item(x):
    if type(x) is not Item or type(x.v) is not int or x.v < 0:
        raise AssertionError(f"bad element {x!r}")


BIG = 1 << 70  # past the tagged small-int range: every element is a heap int


def check_acct(x):
    if type(x) is not int or x < BIG:
        raise AssertionError(f"bad element {x!r}")


acct = [BIG + i for i in range(16)]
start_ids = list(acct)
chaos = [Item(i) for i in range(32)]
popped = [[] for _ in range(NW)]
added = [[] for _ in range(NW)]
stop = []
errors = []


def writer(k):
    global chaos  # `*=` and `+=` rebind the name (to the same list)
    try:
        mine_p, mine_a = popped[k], added[k]
        base = (k + 1) * 10_000_000
        for i in range(ITERS):
            a, b = BIG + base + 2 * i, BIG + base + 2 * i + 1
            op = (i + k) % 7
            if op == 0:
                acct.append(a)
                acct.extend([b])
            elif op == 1:
                acct.insert(i % 5, a)
                acct[1:1] = [b]
            elif op == 2:
                acct.insert(0, a)
                acct.append(b)
            elif op == 3:
                acct.extend((a, b))
                acct.sort()
            elif op == 4:
                h = len(acct) // 2  # once: a second len() may differ, making [h1:h2] replace items
                acct[h:h] = [a, b]
                acct.reverse()
            else:
                acct.append(a)
                acct.append(b)
            mine_a += (a, b)
            for where in (-1, 0, len(acct) // 3):
                try:
                    mine_p.append(acct.pop(where))
                except IndexError:
                    pass
            # chaos
            c = i % 9
            if c == 0:
                chaos.clear()
            elif c == 1:
                chaos[2:5] = [Item(i), Item(i + 1)]
            elif c == 2:
                try:  # the length may change between the two steps
                    chaos[::2] = [Item(i)] * len(chaos[::2])
                except ValueError:
                    pass
            elif c == 3:
                del chaos[::3]
            elif c == 4:
                chaos[:] = [Item(j) for j in range(40)]
            elif c == 5:
                try:
                    chaos[i % 7] = Item(i)
                except IndexError:
                    pass
            elif c == 6:
                chaos *= 2
                del chaos[64:]
            elif c == 7:
                chaos += [Item(i), Item(i)]
            else:
                del chaos[1:-1]
    except BaseException as e:
        errors.append(e)
    finally:
        stop.append(k)


def reader(k):
    try:
        n = 0
        while len(stop) < NW:
            for lst, check, probe in ((acct, check_acct, BIG - 1), (chaos, check_item, Item(0))):
                size = len(lst)
                if size < 0:
                    raise AssertionError("negative len")
                for i in (0, -1, n % 97, size // 2):
                    try:
                        check(lst[i])
                    except IndexError:
                        pass
                for x in lst:
                    check(x)
                for x in reversed(lst):
                    check(x)
                if probe in lst or lst.count(probe):
                    raise AssertionError("found an element that was never added")
                try:
                    lst.index(probe)
                    raise AssertionError("index found a missing element")
                except ValueError:
                    pass
                n += 1
    except BaseException as e:
        errors.append(e)


run_all([lambda k=k: writer(k) for k in range(NW)] + [lambda k=k: reader(k) for k in range(NR)])
if errors:
    raise errors[0]

got = sorted(acct + [v for p in popped for v in p])
want = sorted(start_ids + [v for a in added for v in a])
assert got == want, (len(got), len(want))
for x in chaos:
    check_item(x)

# One iterator shared by several threads: each element comes out exactly once.
for rnd in range(20):
    src = [Item(i) for i in range(2000)]
    it = iter(src) if rnd % 2 else reversed(src)
    seen = [[] for _ in range(4)]

    def drain(k):
        out = seen[k]
        for x in it:
            out.append(x.v)

    run_all([lambda k=k: drain(k) for k in range(4)])
    allv = sorted(v for s in seen for v in s)
    assert allv == list(range(2000)), (rnd, len(allv))
print("ok", len(got))
