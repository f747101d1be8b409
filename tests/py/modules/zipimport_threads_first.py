# Threads that all meet a zip archive on sys.path before any path hook has
# been made: one of them installs sys.path_hooks (zipimporter, FileFinder's
# hook) while the others wait, and every thread gets its module.
import os
import sys
import tempfile
import threading
import zipfile

with tempfile.TemporaryDirectory() as tmp:
    zpath = os.path.join(tmp, 'th.zip')
    with zipfile.ZipFile(zpath, 'w') as z:
        for i in range(8):
            z.writestr('thmod%d.py' % i, 'N = %d\n' % (i * 10))
    sys.path.insert(0, zpath)
    results = {}
    start = threading.Barrier(8)

    def worker(i):
        start.wait()
        results[i] = __import__('thmod%d' % i).N

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(sorted(results.items()))
    print([type(h).__name__ for h in sys.path_hooks])
    print(type(sys.path_importer_cache[zpath]).__name__)
