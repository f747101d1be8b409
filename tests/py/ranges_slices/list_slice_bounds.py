# List slices taken and assigned from their bounds (BINARY_SLICE/STORE_SLICE
# build no slice object for lists): bounds of every kind, steps, clamping,
# the error messages, self-assignment, and a fresh right-hand side.
import threading


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


a = list(range(10))
print(a[2:5], a[::-1], a[7:2:-2], a[-3:], a[:-3], a[100:], a[-100:2])
print(a[Index(1):Index(4)], a[::Index(3)], a[Index(-2)::Index(-1)])
print(a[2**70:], a[-2**70:3], a[::2**70], a[::-2**70], a[5:-2**70:-1])
for bad in [lambda: a[::0], lambda: a["x":], lambda: a[:1.5], lambda: a[::Index(0)]]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

b = a[:]; b[2:4] = [9, 9, 9]; print(b)
b = a[:]; b[:] = b; print(b)
b = a[:]; b[:3] = b[2::-1]; print(b)
b = a[:]; b[:k] = b[k - 1::-1] if (k := 4) else None; print(b)
b = a[:]; b[::2] = b[1::2]; print(b)
b = a[:]; b[1:3] = (7,); print(b)
b = a[:]; b[5:2] = "ab"; print(b)
b = a[:]; b[-2:] = iter([1, 2, 3]); print(b)
b = a[:]; b[Index(1):Index(3)] = []; print(b)
b = a[:]; del b[::3]; print(b)
b = a[:]; del b[2:5]; print(b)
b = a[:]; del b[::-2]; print(b)
for bad in [lambda: b.__setitem__(slice(1, 2), 5), lambda: b.__setitem__(slice(None, None, 2), 5),
            lambda: b.__setitem__(slice(None, None, 2), [1])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    b[1:2] = 5
except TypeError as e:
    print(e)
try:
    b[::2] = [1]
except ValueError as e:
    print(e)

# Objects keep their counts through the in-place paths.
x = [object() for _ in range(3)]
y = x[:]
y[:2] = [x[2]] * 2
y[1:] = y[::-1][:2]
print(y[0] is x[2], y[1] is x[2], y[2] is x[2], len(y))
z = [[i] for i in range(5)]
z[:3] = z[2::-1]
print(z)

# Other sequences still go through their slice objects.
print("abcdef"[1:4], "abcdef"[::-2], (1, 2, 3)[::-1], range(10)[2:8:3], b"xyz"[1:])


class Seq:
    def __getitem__(self, k):
        return k

    def __setitem__(self, k, v):
        print("set", k, v)


s = Seq()
print(s[1:2], s[::3], s[1:2:-1])
s[1:] = 5

# One thread reversing prefixes of a shared list (a single writer: two would
# interleave their read and write of it) while others copy it: every copy is
# a permutation.
shared = list(range(8))
bad = []


def flipper():
    for i in range(3000):
        k = i % 8
        shared[:k + 1] = shared[k::-1]


def reader():
    for _ in range(3000):
        c = shared[:]
        if sorted(c) != list(range(8)):
            bad.append(c)


ts = [threading.Thread(target=f) for f in (flipper, reader, reader)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(shared) == list(range(8)), bad)
