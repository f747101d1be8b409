"""hashlib module - a common interface to many hash functions (ftpy).

new(name, data=b'', **kwargs) - returns a new hash object implementing the
                                given hash function; initializing the hash
                                using the given binary data.

Named constructor functions are also available: md5(), sha1(), sha224(),
sha256(), sha384(), sha512(), sha3_224(), sha3_256(), sha3_384(),
sha3_512(), shake_128(), shake_256(), blake2b() and blake2s().

The digests are implemented in C++ (module _hashlib) from their published
specifications."""

import _hashlib

__always_supported = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                      'blake2b', 'blake2s', 'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
                      'shake_128', 'shake_256')

algorithms_guaranteed = frozenset(__always_supported)
algorithms_available = frozenset(_hashlib._algorithm_names)

__all__ = __always_supported + ('new', 'algorithms_guaranteed',
                                'algorithms_available', 'pbkdf2_hmac',
                                'file_digest')

def _blake2(native, salt_size, max_size):
    def constructor(*args, **kwargs):
        return native(*args, **kwargs)
    constructor.__name__ = constructor.__qualname__ = native.__name__
    constructor.__doc__ = native.__doc__
    constructor.SALT_SIZE = constructor.PERSON_SIZE = salt_size
    constructor.MAX_KEY_SIZE = constructor.MAX_DIGEST_SIZE = max_size
    return constructor


blake2b = _blake2(_hashlib.blake2b, 16, 64)
blake2s = _blake2(_hashlib.blake2s, 8, 32)


def new(name, data=b'', **kwargs):
    """new(name, data=b'') - Return a new hashing object using the named algorithm;
    optionally initialized with data (which must be a bytes-like object).
    """
    if name in ('blake2b', 'blake2s'):
        return (blake2b if name == 'blake2b' else blake2s)(data, **kwargs)
    return _hashlib.new(name, data, **kwargs)


if hasattr(__import__('sys'), '_ftpy_hide_frames'):
    # As CPython's C constructors: no frame of this file in tracebacks.
    __import__('sys')._ftpy_hide_frames(blake2b, new)
md5 = _hashlib.openssl_md5
sha1 = _hashlib.openssl_sha1
sha224 = _hashlib.openssl_sha224
sha256 = _hashlib.openssl_sha256
sha384 = _hashlib.openssl_sha384
sha512 = _hashlib.openssl_sha512
sha3_224 = _hashlib.openssl_sha3_224
sha3_256 = _hashlib.openssl_sha3_256
sha3_384 = _hashlib.openssl_sha3_384
sha3_512 = _hashlib.openssl_sha3_512
shake_128 = _hashlib.openssl_shake_128
shake_256 = _hashlib.openssl_shake_256
pbkdf2_hmac = _hashlib.pbkdf2_hmac


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a file-like object. Returns a digest object.

    *fileobj* must be a file-like object opened for reading in binary mode.
    *digest* must either be a hash algorithm name as a *str*, a hash
    constructor, or a callable that returns a hash object."""
    if isinstance(digest, str):
        digestobj = new(digest)
    else:
        digestobj = digest()
    if not (hasattr(fileobj, 'read') and hasattr(fileobj, 'readable')
            and fileobj.readable()):
        raise ValueError(
            f"'{fileobj!r}' is not a file-like object in binary reading mode.")
    while True:
        data = fileobj.read(_bufsize)
        if not data:
            break
        digestobj.update(data)
    return digestobj
