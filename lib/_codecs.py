"""_codecs for ftpy: CPython's low-level codec module, as a view of lib/codecs.

ftpy's codecs live in lib/codecs.py over the encoders built into str and
bytes, so this module only re-exports them under the names CPython's C
module has. It exists because programs and pickles name it: a protocol 0-2
pickle of bytes refers to `_codecs.encode`, and so does CPython's.
"""

import codecs as _c

_NAMES = (
    'encode', 'decode', 'lookup', 'register', 'unregister', 'lookup_error',
    'register_error', 'charmap_build', 'charmap_decode', 'charmap_encode',
    'ascii_decode', 'ascii_encode', 'latin_1_decode', 'latin_1_encode',
    'utf_8_decode', 'utf_8_encode', 'utf_16_le_decode', 'utf_16_le_encode',
    'utf_16_be_decode', 'utf_16_be_encode', 'utf_7_decode', 'utf_7_encode', 'utf_32_le_decode',
    'utf_32_le_encode', 'utf_32_be_decode', 'utf_32_be_encode',
    'unicode_escape_decode', 'unicode_escape_encode',
    'raw_unicode_escape_decode', 'raw_unicode_escape_encode',
    'escape_decode', 'escape_encode',
)

for _name in _NAMES:
    if hasattr(_c, _name):
        globals()[_name] = getattr(_c, _name)
del _name


def readbuffer_encode(data, errors=None):
    """Return (bytes of data's buffer, its length), as CPython's helper."""
    if isinstance(data, str):
        data = data.encode('utf-8')
    b = bytes(data)
    return b, len(b)
