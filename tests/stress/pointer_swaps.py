# Threads read what another thread keeps replacing wholesale: an instance's
# __dict__ (obj.__dict__ = fresh dict), a function's __defaults__ and
# __kwdefaults__, and __slots__ members. The replaced dict, tuple or value
# must live until no reader can still be using it (retired through QSBR, not
# released at once): a reader that raced with the swap would otherwise touch
# freed memory (a crash, garbage values, or an ASan/TSan report).
import _thread

N, ITERS = 4, 20000
stop = [False]
errors = []


class Box:
    pass


class Slotted:
    __slots__ = ("a", "b")


box = Box()
box.__dict__ = {"x": 0, "tag": "box"}
slotted = Slotted()
slotted.a = ("a", 0)
slotted.b = ["b", 0]


def f(p=("d", 0), *, q=("k", 0)):
    return p, q


def swapper(done):
    i = 0
    try:
        while not stop[0]:
            i += 1
            # Fresh objects each time, so a freed one is soon reused.
            box.__dict__ = {"x": i, "tag": "box", "pad": [i] * 4}
            f.__defaults__ = (("d", i),)
            f.__kwdefaults__ = {"q": ("k", i)}
            slotted.a = ("a", i)
            slotted.b = ["b", i]
            if i % 3 == 0:
                del slotted.b
                slotted.b = ["b", -i]
    except BaseException as e:
        errors.append(repr(e))
    done.release()


def reader(k, done):
    try:
        for i in range(ITERS):
            assert isinstance(box.x, int)
            assert box.tag == "box"
            assert getattr(box, "tag") == "box"  # the generic path
            d = box.__dict__
            assert d["tag"] == "box"
            box.seen = k  # a store into whichever dict is current
            p, q = f()
            assert p[0] == "d" and q[0] == "k", (p, q)
            a = slotted.a
            assert a[0] == "a", a
            try:
                b = slotted.b
                assert b[0] == "b", b
            except AttributeError:
                pass  # between the delete and the store
    except BaseException as e:
        errors.append(repr(e))
    done.release()


locks = [_thread.allocate_lock() for _ in range(N + 1)]
for l in locks:
    l.acquire()
_thread.start_new_thread(swapper, (locks[N],))
for k in range(N):
    _thread.start_new_thread(reader, (k, locks[k]))
for k in range(N):
    locks[k].acquire()
stop[0] = True
locks[N].acquire()
assert not errors, errors[:3]
print("ok")
