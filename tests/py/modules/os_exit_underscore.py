# os._exit ends the process at once: no finally blocks, no atexit, and
# buffered output is not flushed (so flush first).
import os, sys, atexit
atexit.register(print, 'atexit must not run')
try:
    print('before', flush=True)
    sys.stdout.flush()
    os._exit(7)
finally:
    print('finally must not run')
