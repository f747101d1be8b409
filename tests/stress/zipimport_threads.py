# Eight threads import from one new zip archive at once, round after round:
# each gets its module (zipimport's zlib guard is per thread in ftpy's
# lib/zipimport.py; the host's module-global flag refused a second thread
# with "can't decompress data; zlib not available").
import importlib
import os
import sys
import tempfile
import threading
import zipfile

for rnd in range(12):
    with tempfile.TemporaryDirectory() as tmp:
        zpath = os.path.join(tmp, 'threads.zip')
        with zipfile.ZipFile(zpath, 'w', compression=zipfile.ZIP_DEFLATED) as z:
            for i in range(8):
                z.writestr('ztm%d_%d.py' % (rnd, i), 'N = %d\n' % (i * i))
        sys.path.append(zpath)
        results = {}

        def worker(i):
            try:
                results[i] = importlib.import_module('ztm%d_%d' % (rnd, i)).N
            except BaseException as e:
                results[i] = repr(e)

        threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        got = sorted(results.items())
        assert got == [(i, i * i) for i in range(8)], (rnd, got)
        sys.path.remove(zpath)
print('ok')
