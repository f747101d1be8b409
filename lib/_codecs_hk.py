"""_codecs_hk for ftpy: the codecs of CPython's module of that name
(big5hkscs), converted by the native engine behind
_multibytecodec (src/modules/cjk_codecs.cpp)."""

import _multibytecodec

_NAMES = ('big5hkscs',)


def getcodec(encoding, /):
    if not isinstance(encoding, str):
        raise TypeError('getcodec() argument must be str, not %s' % type(encoding).__name__)
    if encoding not in _NAMES:
        raise LookupError('no such codec is supported.')
    return getattr(_multibytecodec, '__create_codec')(encoding)
