# array.array: construction, conversions, slicing, mutation and errors.
import array

print(array.array('i', [1, 2, 3]), array.array('d'), array.array('u', 'hé'))
a = array.array('h', range(-3, 7))
print(a[2], a[-1], a[2:5], a[::3], len(a), a.itemsize, a.typecode)
a[0] = 100
a[1:3] = array.array('h', [9])
del a[::4]
print(a, a.tolist())
a.extend(array.array('h', [5, 5]))
a += array.array('h', [1])
print(a.count(5), a.index(5), 5 in a, 42 in a)
b = a * 2
a *= 0
print(a, len(b), b == b[:], b < b + array.array('h', [0]))

c = array.array('I', [1, 2 ** 32 - 1])
print(c.tobytes(), array.array('I', c.tobytes()) == c)
c.byteswap()
print(c)
d = array.array('b', b'\x01\xff')
d.frombytes(b'\x7f')
d.fromlist([-5])
print(d, list(reversed(d)), d.buffer_info()[1])
u = array.array('u', 'ab')
u.fromunicode('cd')
print(u.tounicode(), u)
print(array.array('f', [0.1, 2.5]), array.array('q', [-2 ** 63]), array.array('Q', [2 ** 64 - 1]))
print(sorted(array.array('i', [3, 1, 2])), sum(array.array('d', [0.5, 0.25])))

for bad in [lambda: array.array('b', [128]), lambda: array.array('H', [-1]),
            lambda: array.array('i', ['x']), lambda: array.array('d', ['x']),
            lambda: array.array('i', 'abc'), lambda: array.array('i', b'abc'),
            lambda: array.array('i').pop(), lambda: array.array('i', [1]).remove(2),
            lambda: array.array('i', [1]) + array.array('b'), lambda: array.array('i', [1]) + [1],
            lambda: array.array('i', [1]).tounicode(), lambda: array.array('i', [1])[3],
            lambda: array.array('I', [-1])]:
    try:
        bad()
    except (OverflowError, TypeError, ValueError, IndexError) as e:
        print(type(e).__name__, e)
