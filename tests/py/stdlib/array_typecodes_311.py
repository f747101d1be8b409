# array's typecodes are Python 3.11's: no 'w' (added in 3.13); a str
# initializer for another code is a TypeError before the code is checked.
import array
print(array.typecodes)
for code in ['w', 'z', 'u', 'é', 'i', 'b']:
    for init in ['hi', [1, 2], array.array('u', 'ab'), b'\x01\x02\x03\x04']:
        try:
            a = array.array(code, init)
            print(code, repr(a), a.itemsize, memoryview(a).format)
        except (ValueError, TypeError) as e:
            print(code, type(e).__name__, e)
# 'u' items loaded from raw bytes that are not code points raise ValueError.
a = array.array('u', b'\x01\x02\x03\x04')
for f in [lambda: a[0], lambda: a.tounicode(), lambda: list(a), lambda: repr(a), lambda: a.tolist(), lambda: a.pop()]:
    try:
        print(f())
    except ValueError as e:
        print('ValueError', e)
print(len(a))
a = array.array('u', b'\x00\xd8\x00\x00')
print(ascii(a[0]), ascii(a.tounicode()), ascii(repr(a)))
