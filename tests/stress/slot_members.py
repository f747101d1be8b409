# Threads load and store __slots__ members of shared objects (the
# specialised slot forms, one code object) while another thread deletes
# slots, swaps objects' __class__ between two classes with the same layout,
# and rebinds a member's name to a property and back. Stored values are fresh
# lists, so a replaced value is freed while readers may hold it (QSBR).
# Every value read must be one some interleaving allows.
import _thread


N, ITERS = 4, 6000


class P:
    __slots__ = ('a', 'b')


class P2:
    __slots__ = ('a', 'b')


MEMBER_A = P.a
errors = []
objs = []
for i in range(8):
    o = P()
    o.a = [0]
    o.b = [0]
    objs.append(o)


def work(k):
    try:
        for i in range(ITERS):
            o = objs[(i + k) % len(objs)]
            try:
                v = o.a
            except AttributeError:
                v = [0]
            assert type(v) is list or v == 'prop', v
            try:
                o.a = [i]
            except AttributeError:
                pass
            o.b = [k, i]
            w = o.b
            assert type(w) is list and len(w) == 2, w
    except Exception as e:
        errors.append(repr(e))
    finally:
        done.append(k)


def mutate():
    try:
        mutate_loop()
    except Exception as e:
        errors.append(repr(e))
    finally:
        P.a = MEMBER_A
        done.append('m')


def mutate_loop():
    i = 0
    while len(done) < N:
        o = objs[i % len(objs)]
        if i % 3 == 0:
            try:
                del o.a
            except AttributeError:
                pass
        elif i % 3 == 1:
            o.__class__ = P2 if type(o) is P else P
        if i % 50 == 0:
            P.a = property(lambda self: 'prop', lambda self, v: None)
        elif i % 50 == 25:
            P.a = MEMBER_A
        i += 1


done = []
for k in range(N):
    _thread.start_new_thread(work, (k,))
_thread.start_new_thread(mutate, ())
import time
while len(done) < N + 1:
    time.sleep(0.01)
assert not errors, errors[:3]
print('ok')
