"""_zoneinfo for ftpy: the host's pure-Python zoneinfo._zoneinfo.ZoneInfo
(zoneinfo imports this accelerator module first), with the repr of CPython's
C type, which python3 runs: 'zoneinfo.ZoneInfo(key=...)' (its tp_name) where
the pure-Python class says 'ZoneInfo(key=...)'."""

from zoneinfo._zoneinfo import ZoneInfo


def _repr(self):
    name = 'zoneinfo.ZoneInfo' if type(self) is ZoneInfo else type(self).__name__
    if self._key is not None:
        return '%s(key=%r)' % (name, self._key)
    return '%s.from_file(%s)' % (name, self._file_repr)


_repr.__qualname__ = 'ZoneInfo.__repr__'
ZoneInfo.__repr__ = _repr
del _repr
