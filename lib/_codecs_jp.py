"""_codecs_jp for ftpy: the codecs of CPython's module of that name
(shift_jis, cp932, euc_jp, shift_jis_2004, shift_jisx0213, euc_jis_2004, euc_jisx0213), converted by the native engine behind
_multibytecodec (src/modules/cjk_codecs.cpp)."""

import _multibytecodec

_NAMES = ('shift_jis', 'cp932', 'euc_jp', 'shift_jis_2004', 'shift_jisx0213', 'euc_jis_2004', 'euc_jisx0213')


def getcodec(encoding, /):
    if not isinstance(encoding, str):
        raise TypeError('getcodec() argument must be str, not %s' % type(encoding).__name__)
    if encoding not in _NAMES:
        raise LookupError('no such codec is supported.')
    return getattr(_multibytecodec, '__create_codec')(encoding)
