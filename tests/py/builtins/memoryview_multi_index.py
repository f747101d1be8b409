# memoryview items of a multi-dimensional view (cast with a shape) are read
# and written with a tuple of indices, m[i, j]; CPython's errors for too
# few or too many indices, out-of-range ones, tuples of slices and slice
# assignment to an N-D view.
m = memoryview(bytearray(range(24))).cast("B", shape=[2, 3, 4])
m2 = memoryview(bytes(range(12))).cast("B", shape=[3, 4])
tests = [lambda: m2[1, 2], lambda: m2[-1, -1], lambda: m2[(1, 2)], lambda: m[1, 2, 3], lambda: m[1, 2], lambda: m2[1], lambda: m2[()],
         lambda: m2[1, 2, 3], lambda: m2[3, 0], lambda: m2[0, -5], lambda: m2[0:1, 1:2], lambda: m2[0, 1:2], lambda: m2["a"],
         lambda: m2[1.0, 2], lambda: memoryview(b"abc")[(1,)], lambda: memoryview(b"abc")[()], lambda: m2[True, False]]
for t in tests:
    try:
        r = t()
        print(r if not isinstance(r, memoryview) else ("view", r.shape, r.tolist()))
    except Exception as e:
        print(type(e).__name__, e)


def setter(k, v):
    m[k] = v


for k, v in [((1, 2, 3), 99), ((0, 0), 1), (1, 5), ((0, 0, 0), 300), ((0, 0, 0), "x"), (slice(0, 1), b"x"),
             ((slice(0, 1), slice(0, 1)), b"x"), ("k", 1), ((5, 0, 0), 1), ((-1, -1, -2), 7)]:
    try:
        setter(k, v)
        print("set ok", m[k])
    except Exception as e:
        print(type(e).__name__, e)
ro = memoryview(bytes(8)).cast("B", shape=[2, 4])
for k in [(0, 0), 0]:
    try:
        ro[k] = 1
    except TypeError as e:
        print("TypeError", e)
try:
    del m[0, 0, 0]
except TypeError as e:
    print("TypeError", e)
print(m.tolist()[1])
words = memoryview(bytearray(16)).cast("H", shape=[2, 4])
words[1, 3] = 65535
words[0, 0] = 513
print(words[1, 3], words[0, 0], words.tolist(), bytes(words)[:2])
