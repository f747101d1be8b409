# struct: every format code, byte orders, alignment, pack_into/unpack_from.
import struct

for fmt, vals in [
    ('<bBhHiIlLqQ', (-128, 255, -32768, 65535, -2 ** 31, 2 ** 32 - 1, -2 ** 31, 2 ** 32 - 1, -2 ** 63, 2 ** 64 - 1)),
    ('>bBhHiIlLqQ', (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)),
    ('@bhiqnNP', (1, 2, 3, 4, -5, 6, 7)),
    ('=?c3s4p', (True, b'x', b'abcdef', b'hi')),
    ('<efd', (1.5, -0.25, 3.141592653589793)),
    ('!2H3x2b', (1, 2, -1, -2)),
]:
    data = struct.pack(fmt, *vals)
    print(fmt, struct.calcsize(fmt), data.hex(), struct.unpack(fmt, data))

print(struct.calcsize('@bhiq'), struct.calcsize('@qb'), struct.calcsize('@b0i'), struct.calcsize('P'))
print(struct.pack('<e', 0.1).hex(), struct.unpack('<e', b'\x00\x7c'), struct.unpack('<e', b'\x01\x00'))

s = struct.Struct('<hI')
print(s.format, s.size, s.pack(-1, 7), s.unpack(b'\xff\xff\x07\x00\x00\x00'))
buf = bytearray(10)
s.pack_into(buf, 2, 1, 2)
struct.pack_into('<b', buf, -1, -1)
print(buf, s.unpack_from(buf, 2), struct.unpack_from('<b', buf, offset=9))
print(list(struct.iter_unpack('<H', b'\x01\x00\x02\x00\x03\x00')))

tests = [
    lambda: struct.pack('i', 'x'),
    lambda: struct.pack('ii', 1),
    lambda: struct.pack('<L', 2 ** 32),  # 3.11 and 3.14 differ for '<Q', -1 (struct_range_errors.py)
    lambda: struct.pack('z'),
    lambda: struct.pack('<P', 1),
    lambda: struct.pack('3'),
    lambda: struct.pack('c', b'ab'),
    lambda: struct.pack('s', 'a'),
    lambda: struct.pack('f', 'x'),
    lambda: struct.unpack('i', b'abc'),
    lambda: struct.unpack_from('i', b'abcdef', 4),
    lambda: struct.unpack_from('i', b'abcdef', -10),
    lambda: struct.pack_into('i', bytearray(3), 0, 1),
    lambda: struct.pack_into('i', b'abcd', 0, 1),
    lambda: struct.iter_unpack('i', b'abcde'),
    lambda: struct.iter_unpack('', b''),
    lambda: struct.Struct(5),
    lambda: struct.pack('e', 1e300),
]
for t in tests:
    try:
        t()
    except (struct.error, TypeError, OverflowError) as e:
        print(type(e).__name__, e)
print(struct.error.__module__, issubclass(struct.error, Exception))
