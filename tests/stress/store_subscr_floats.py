# Stress: STORE_SUBSCR's specialised forms and the float free list under
# threads. Writers overwrite the slots of a shared list (STORE_SUBSCR_LIST_INT)
# and the values of a shared dict (STORE_SUBSCR_DICT) with fresh floats while
# readers index both lock-free and unpack slices with a star (UNPACK_EX);
# the replaced floats are retired through QSBR and, once freed by whichever
# thread drops them last, recycled through that thread's free list. Checks:
# every value read, and every value left at the end, is a float some writer
# stored (a freed float reused too early would show another value, or crash).
import threading

N = 4
ROUNDS = 20000
SLOTS = 64

lst = [0.0] * SLOTS
d = {k: 0.0 for k in range(SLOTS)}
errors = []


def writer(k):
    # Writer k stores k + i / 2**20 (exact in a double) into slot i % SLOTS.
    for i in range(ROUNDS):
        v = k + i / 1048576.0
        lst[i % SLOTS] = v
        d[i % SLOTS] = v * 1.0


def check(v, where):
    if type(v) is not float:
        errors.append((where, v))
        return
    if v == 0.0:
        return  # not overwritten yet
    k = int(v)
    i = round((v - k) * 1048576.0)
    if not (0 <= k < N and 0 <= i < ROUNDS and k + i / 1048576.0 == v):
        errors.append((where, v))


def reader():
    for i in range(ROUNDS):
        check(lst[(i * 7) % SLOTS], "list")
        check(d[(i * 5) % SLOTS], "dict")
        first, *middle, last = lst[:8]
        check(first, "unpack")
        check(last, "unpack")
        if len(middle) != 6:
            errors.append(("middle", middle))


threads = [threading.Thread(target=writer, args=(k,)) for k in range(N)]
threads += [threading.Thread(target=reader) for _ in range(2)]
for t in threads:
    t.start()
for t in threads:
    t.join()
assert not errors, errors[:5]
for i in range(SLOTS):
    check(lst[i], "final list")
    check(d[i], "final dict")
    assert lst[i] != 0.0 and d[i] != 0.0, i
assert not errors, errors[:5]
print("ok")
