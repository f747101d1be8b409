"""_codecs_iso2022 for ftpy: the codecs of CPython's module of that name
(iso2022_kr, iso2022_jp, iso2022_jp_1, iso2022_jp_2, iso2022_jp_2004, iso2022_jp_3, iso2022_jp_ext), converted by the native engine behind
_multibytecodec (src/modules/cjk_codecs.cpp)."""

import _multibytecodec

_NAMES = ('iso2022_kr', 'iso2022_jp', 'iso2022_jp_1', 'iso2022_jp_2', 'iso2022_jp_2004', 'iso2022_jp_3', 'iso2022_jp_ext')


def getcodec(encoding, /):
    if not isinstance(encoding, str):
        raise TypeError('getcodec() argument must be str, not %s' % type(encoding).__name__)
    if encoding not in _NAMES:
        raise LookupError('no such codec is supported.')
    return getattr(_multibytecodec, '__create_codec')(encoding)
