# Freeing very long chains (each object holds the next) must not overflow the
# C stack: past a small nesting depth, deallocations are deferred and freed
# iteratively (the trashcan). Every chain is built, checked, and freed; the
# weak references and __del__ counts show that the whole chain is gone by the
# time `del` returns, in every container kind, on the creating thread and on
# another one.
import threading
import time
import weakref

N = 100_000


class Node:
    pass


class SlotNode:
    __slots__ = ("next", "__weakref__")


class Counted:
    # __del__ runs for every node, also for the deferred ones.
    deleted = 0

    def __del__(self):
        Counted.deleted += 1


def linked(cls):
    n = None
    for _ in range(N):
        m = cls()
        m.next = n
        n = m
    return n


def nested(wrap):
    x = None
    for _ in range(N):
        x = wrap(x)
    return x


def depth_of(x, step):
    d = 0
    while x is not None:
        x = step(x)
        d += 1
    return d


builders = {
    "list": (lambda: nested(lambda x: [x]), lambda x: x[0]),
    "tuple": (lambda: nested(lambda x: (x,)), lambda x: x[0]),
    "dict": (lambda: nested(lambda x: {"k": x}), lambda x: x["k"]),
    "dict-of-tuples": (lambda: nested(lambda x: {1: (x, 2)}), lambda x: x[1][0]),
    "set-of-frozensets": (lambda: {nested(lambda x: frozenset([x, 0]))},
                          lambda s: max(s, key=lambda m: m != 0)),
    "instances": (lambda: linked(Node), lambda n: n.next),
    "slots": (lambda: linked(SlotNode), lambda n: n.next),
}


for name, (build, step) in builders.items():
    x = build()
    print(name, depth_of(x, step))
    del x
    print(name, "freed")

# Weak references to the tail and the head: both dead once `del` returns.
head = linked(SlotNode)
tail = head
while tail.next is not None:
    tail = tail.next
w_head, w_tail = weakref.ref(head), weakref.ref(tail)
del tail
del head
print("slots weakrefs", w_head() is None, w_tail() is None)

# __del__ on every node, deferred ones included.
c = linked(Counted)
del c
print("finalized", Counted.deleted == N)

# Weakref callbacks on every node.
fired = [0]
keep = []
n = None
for _ in range(N // 3):
    m = Node()
    m.next = n
    keep.append(weakref.ref(m, lambda r: fired.__setitem__(0, fired[0] + 1)))
    n = m
del m
del n
print("callbacks", fired[0] == N // 3, all(r() is None for r in keep))


# A node dropped by a thread that does not own it dies once its owner merges
# it (at the owner's next safepoint, or at once by the dropping thread if the
# owner exited): wait for that, bounded by time, not by a count of tries.
def dies(w):
    deadline = time.monotonic() + 30
    while w() is not None:
        if time.monotonic() > deadline:
            return False
        time.sleep(0.001)
    return True


# A chain built by one thread and dropped by another (a local, so the drop
# happens right there; list.clear() may leave its items to be released after
# a grace period) while the creator owns every node.
def chain_freed_elsewhere(build):
    box = [build()]
    w = weakref.ref(box[0]) if not isinstance(box[0], (list, tuple)) else None

    def drop():
        x = box.pop()
        del x

    t = threading.Thread(target=drop)
    t.start()
    t.join()
    return box == [] and (w is None or dies(w))


print("other thread list", chain_freed_elsewhere(lambda: nested(lambda x: [x])))
print("other thread instances", chain_freed_elsewhere(lambda: linked(Node)))
print("other thread slots", chain_freed_elsewhere(lambda: linked(SlotNode)))


# Chains built on a thread and freed on the main thread after it exited.
result = []


def build_on_thread():
    result.append(linked(SlotNode))
    result.append(nested(lambda x: (x, None)))


t = threading.Thread(target=build_on_thread)
t.start()
t.join()
chain = result.pop()
head = result.pop()
w = weakref.ref(head)
del head
del chain
print("built elsewhere", dies(w))

# Several threads freeing their own deep chains at once.
errors = []


def own_chain(i):
    try:
        x = nested(lambda x: [x, i]) if i % 2 else linked(Node)
        del x
    except BaseException as e:
        errors.append(e)


threads = [threading.Thread(target=own_chain, args=(i,)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print("parallel", errors)
