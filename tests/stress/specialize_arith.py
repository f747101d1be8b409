# Threads run the same functions (same code objects, so they quicken the same
# instructions concurrently) with operand types that change from call to
# call, so the sites keep specialising, missing and re-specialising while
# other threads execute them. Every result is checked against a value
# computed without those sites.
import _thread

N, ROUNDS = 6, 3000

class MyInt(int):
    def __add__(self, other): return 1000
    def __lt__(self, other): return True

def arith(a, b):
    return a + b, a - b, a * b, a < b, a == b

def index(c, k):
    return c[k]

def walk(it):
    t = 0
    for x in it:
        t += x
    return t

def unpack(s):
    a, b = s
    return b, a

def expected_arith(a, b):
    if type(a) is MyInt:
        return 1000, int(a) - b, int(a) * b, True, int(a) == b
    return a + b, a - b, a * b, a < b, a == b

stable_list = list(range(50))
shared_list = list(range(50))  # other threads pop and re-append its items
shared_iter_src = list(range(1000))
errors = []

def worker(k):
    try:
        operands = [(k, 3), (2.5, k), (2**62 - 1, k + 1), (MyInt(k), 2), (1.5, 0.25), (-2**62, -1), (k, 2**70)]
        containers = [(stable_list, k), ((1, 2, 3), 1), ({k: "v"}, k), ("abcdefg", k), (stable_list, -1)]
        iterables = [range(k, k + 20), [1, 2, 3], (4, 5), (i for i in range(5)), range(2**62, 2**62 + 2)]
        pairs = [(k, "x"), [k, 2.0], "ab", (None, k)]
        for r in range(ROUNDS):
            a, b = operands[(r + k) % len(operands)]
            got = arith(a, b)
            want = expected_arith(a, b)
            if got != want:
                errors.append(("arith", a, b, got, want))
            c, i = containers[(r * 3 + k) % len(containers)]
            if index(c, i) != c[i]:
                errors.append(("index", c, i))
            src = iterables[(r + 2 * k) % len(iterables)]
            if isinstance(src, type(x for x in ())):
                src = (i for i in range(5))
                want_sum = 10
            else:
                want_sum = sum(src)
            if walk(src) != want_sum:
                errors.append(("walk", src))
            p = pairs[(r + k) % len(pairs)]
            if unpack(p) != (p[1], p[0]):
                errors.append(("unpack", p))
            if r % 50 == 0:
                shared_list.append(shared_list.pop())
            if not 0 <= index(shared_list, (r * 7) % 49 - 24) < 50:
                errors.append(("racing index", r))
    except BaseException as e:
        errors.append(("exception", k, repr(e)))

# One iterator shared by all threads: each item is seen exactly once.
shared_it = iter(shared_iter_src)
seen = [[] for _ in range(N)]
def drain(k):
    for x in shared_it:
        seen[k].append(x)

hs = [_thread.start_joinable_thread(lambda k=k: worker(k)) for k in range(N)]
for h in hs:
    h.join()
hs = [_thread.start_joinable_thread(lambda k=k: drain(k)) for k in range(N)]
for h in hs:
    h.join()
assert not errors, errors[:5]
assert sorted(x for s in seen for x in s) == shared_iter_src
print("ok")
