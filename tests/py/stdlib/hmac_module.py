# hmac over ftpy's _hashlib: hmac_new reports UnsupportedDigestmodError, so
# hmac.HMAC uses its Python construction; hmac.digest uses hmac_digest.
import hashlib
import hmac

for dm in ["sha256", hashlib.sha1, "md5", hashlib.sha512, "sha3_256"]:
    h = hmac.new(b"key", b"msg", dm)
    h.update(b"more")
    c = h.copy()
    c.update(b"x")
    print(h.name, h.digest_size, h.block_size, h.hexdigest(), c.hexdigest()[:16])
print(hmac.digest(b"k", b"m", "sha256").hex(), hmac.digest(b"k" * 200, b"m", hashlib.md5).hex())
print(hmac.compare_digest("a", "a"), hmac.compare_digest(b"a", b"b"))
try:
    hmac.new(b"k")
except TypeError as e:
    print("TypeError", e)
for bad in ["nope"]:
    try:
        hmac.new(b"k", b"m", bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
import _hashlib
print(issubclass(_hashlib.UnsupportedDigestmodError, ValueError))
