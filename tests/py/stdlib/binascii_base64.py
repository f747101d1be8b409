# binascii and base64: hex, base64 (lenient decoding), crc32, base32/base16.
import base64
import binascii

data = bytes(range(0, 256, 7))
print(binascii.hexlify(data), binascii.b2a_hex(b'\x00\xff'))
print(binascii.hexlify(b'abcde', '-', 2), binascii.hexlify(b'abcde', b':', -2))
print(binascii.unhexlify('0aFF'), binascii.a2b_hex(b'00ff'))
print(binascii.b2a_base64(b'abcd'), binascii.b2a_base64(b'abcd', newline=False))
print(binascii.a2b_base64(b'YWJj\nZA=='), binascii.a2b_base64('YW!JjZA=='), binascii.a2b_base64(b'YWJjZA==YWJj'))
print(binascii.crc32(b'hello'), binascii.crc32(b'hello', 12345), binascii.crc32(b'hello', -1))
print(binascii.crc_hqx(b'hello', 0))
for bad in [lambda: binascii.unhexlify('abc'), lambda: binascii.unhexlify('zz'),
            lambda: binascii.a2b_base64(b'YWJjZ'), lambda: binascii.a2b_base64(b'YWJjZA='),
            lambda: binascii.unhexlify('\xe9')]:
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
print(issubclass(binascii.Error, ValueError))

for d in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', data]:
    e = [base64.b64encode(d), base64.urlsafe_b64encode(d), base64.b32encode(d), base64.b16encode(d)]
    print(e[0], e[2])
    assert base64.b64decode(e[0]) == d and base64.urlsafe_b64decode(e[1]) == d
    assert base64.b32decode(e[2]) == d and base64.b16decode(e[3]) == d
print(base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.encodebytes(b'x' * 60))
try:
    base64.b64decode(b'YW!J', validate=True)
except binascii.Error as e:
    print('Error', e)
