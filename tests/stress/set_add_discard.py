# Threads add to, test and remove from one shared set through the specialised
# forms (CALL_SET_ADD, CONTAINS_OP on an exact set, set.discard), and read a
# shared list by index while others pop and append (the inline lock-free
# read): nothing is lost, duplicated or torn.
import _thread

N, ITERS = 6, 3000
shared = set()
stack = list(range(100))
found = [0] * N
removed = [0] * N

def worker(k):
    base = k * ITERS
    hits = 0
    for i in range(ITERS):
        shared.add(base + i)
        if (base + i) in shared:
            hits += 1
        if i % 3 == 0:
            shared.discard(base + i)
            removed[k] += 1
        # Other threads' keys come and go: membership must not crash or lie
        # about a key this thread owns.
        (base + i + ITERS) in shared
        stack.append(i)
        try:
            x = stack[-1]
            assert isinstance(x, int)
            stack.pop()
        except IndexError:
            pass
    found[k] = hits

hs = [_thread.start_joinable_thread(lambda k=k: worker(k)) for k in range(N)]
for h in hs:
    h.join()
assert found == [ITERS] * N, found
expect = {k * ITERS + i for k in range(N) for i in range(ITERS) if i % 3}
assert shared == expect, (len(shared), len(expect))
assert len(stack) == 100, len(stack)
print("ok", len(shared), sum(removed))
