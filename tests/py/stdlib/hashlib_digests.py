# hashlib: digests of several inputs, incremental updates, copy, SHAKE, PBKDF2.
import hashlib

inputs = [b'', b'abc', b'a' * 1000, bytes(range(256)) * 3, b'The quick brown fox jumps over the lazy dog']
names = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512']
for name in names:
    h = hashlib.new(name)
    print(name, h.name, h.digest_size, h.block_size)
    for data in inputs:
        print(' ', hashlib.new(name, data).hexdigest())
    h.update(inputs[4][:10])
    c = h.copy()
    h.update(inputs[4][10:])
    print(' ', h.hexdigest() == hashlib.new(name, inputs[4]).hexdigest(), c.hexdigest() != h.hexdigest())

print(hashlib.sha256(b'abc').digest()[:8], hashlib.md5(bytearray(b'abc')).hexdigest())
print(hashlib.shake_128(b'abc').hexdigest(20), hashlib.shake_256(b'').digest(8))
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 100, 32).hex())
print(sorted(hashlib.algorithms_guaranteed - {'blake2b', 'blake2s'}))
print('sha256' in hashlib.algorithms_available)

for bad in [lambda: hashlib.sha256('text'), lambda: hashlib.sha1().update(5), lambda: hashlib.new('nope')]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
