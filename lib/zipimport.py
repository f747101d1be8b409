"""zipimport for ftpy: the host standard library's zipimport.py, run as it
is (lib/_ftpy_hostlib.py), with one function replaced for free threading.

The host's _get_decompress_func guards against a zlib.py inside the archive
(importing it would recurse into zipimport) with a module-global flag. Under
a GIL two imports rarely overlap there; with threads running at once, a second
thread decompressing while the first holds the flag is refused with
"can't decompress data; zlib not available" (tests/py/modules/zipimport_path
saw it once in a loaded run; eight threads importing from one new archive in
a loop hit it within 20 rounds). The guard here is per thread: it still stops
the recursion, and other threads are not affected.
"""

import _ftpy_hostlib
import _thread

_ftpy_hostlib.exec_host_source('zipimport.py', globals(), ())

_decompress_guard = _thread._local()


def _get_decompress_func():
    if getattr(_decompress_guard, 'active', False):
        # A zlib.py inside the archive: importing it came back here.
        _bootstrap._verbose_message('zipimport: zlib UNAVAILABLE')
        raise ZipImportError("can't decompress data; zlib not available")
    _decompress_guard.active = True
    try:
        from zlib import decompress
    except Exception:
        _bootstrap._verbose_message('zipimport: zlib UNAVAILABLE')
        raise ZipImportError("can't decompress data; zlib not available")
    finally:
        _decompress_guard.active = False
    _bootstrap._verbose_message('zipimport: zlib available')
    return decompress
