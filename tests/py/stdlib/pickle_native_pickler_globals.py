# Globals with the native pickler: copyreg's extension registry (EXT1/EXT2/EXT4),
# Python 2 names at protocols 0-2 with fix_imports (and without), dotted
# module names, exception classes, and a function whose __module__ is None
# (found by walking sys.modules).
import pickle, copyreg, os.path, collections, queue, functools, itertools
class E: pass
copyreg.add_extension(__name__, 'E', 240)
copyreg.add_extension(__name__, 'F', 0x1234)
copyreg.add_extension(__name__, 'G', 0x123456)
class F: pass
class G: pass
for p in range(6):
    print(p, pickle.dumps([E, F, G, E], p).hex())
for o in [range, functools.reduce, queue.Queue, collections.UserDict, os.path.join, itertools.chain, IOError, OSError, ConnectionError, str, bytes, frozenset]:
    for p in (0, 2, 3):
        print(p, o.__name__, pickle.dumps(o, p), pickle.dumps(o, p, fix_imports=False))
def f(): pass
f.__module__ = None
for p in (2, 4):
    try:
        print(pickle.dumps(f, p))
    except Exception as e:
        print(type(e).__name__, e)
