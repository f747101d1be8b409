# hashlib.blake2b/blake2s (RFC 7693 in C++): digests with every parameter,
# hashlib.new and hmac with blake2, copies, the constants, and _blake2's
# messages for out-of-range parameters.
import hashlib
print(sorted(hashlib.algorithms_guaranteed), "blake2b" in hashlib.algorithms_available)
print(hashlib.blake2b(b"x", digest_size=16).hexdigest(), hashlib.blake2s(b"x", digest_size=10).hexdigest())
print(hashlib.blake2b(b"msg", key=b"secret", salt=b"salty", person=b"me").hexdigest())
print(hashlib.blake2s(b"msg", key=b"k" * 32, salt=b"s" * 8, person=b"p" * 8).hexdigest())
print(hashlib.blake2b(b"tree", fanout=2, depth=3, leaf_size=4096, node_offset=5, node_depth=1, inner_size=32, last_node=True).hexdigest())
print(hashlib.blake2s(b"tree", fanout=0, depth=255, leaf_size=2**32 - 1, node_offset=2**48 - 1, node_depth=255, inner_size=32, last_node=True).hexdigest())
print(hashlib.blake2b(key=b"only key").hexdigest()[:32], hashlib.blake2b(b"d").hexdigest()[:16])
print(hashlib.new("blake2b", b"x", digest_size=8).hexdigest(), hashlib.new("blake2s").hexdigest()[:16])
h = hashlib.blake2b(digest_size=20); h.update(b"part1"); h2 = h.copy(); h.update(b"part2"); print(h.hexdigest(), h2.hexdigest(), h.name, h.digest_size, h.block_size)
print(hashlib.blake2b.SALT_SIZE, hashlib.blake2s.PERSON_SIZE, hashlib.blake2b.MAX_KEY_SIZE, hashlib.blake2s.MAX_DIGEST_SIZE)
import hmac
print(hmac.new(b"k", b"m", "blake2b").hexdigest()[:32], hmac.new(b"k", b"m", hashlib.blake2s).hexdigest()[:32])
for kw in [dict(digest_size=0), dict(digest_size=65), dict(key=b'x'*65), dict(salt=b'x'*17), dict(person=b'x'*17), dict(fanout=256), dict(depth=0), dict(leaf_size=2**32), dict(leaf_size=-1), dict(node_offset=-1), dict(node_offset=2**64), dict(node_depth=256), dict(inner_size=65), dict(key="str")]:
    try: hashlib.blake2b(**kw); print(kw, 'ok')
    except Exception as e: print(list(kw), type(e).__name__, e)
for kw in [dict(digest_size=33), dict(key=b'x'*33), dict(salt=b'x'*9), dict(node_offset=2**48), dict(inner_size=33)]:
    try: hashlib.blake2s(**kw); print(kw, 'ok')
    except Exception as e: print(list(kw), type(e).__name__, e)
try: hashlib.blake2b("str")
except TypeError as e: print(e)
