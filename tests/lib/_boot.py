"""Runs one test file under python3 -I -S with lib/ first on sys.path."""
import sys
import posix

HERE = sys.argv[1].rsplit('/', 1)[0] if '/' in sys.argv[1] else '.'
LIB = sys.argv[2]
sys.path.insert(0, LIB)
sys.path.insert(1, HERE)

# Frozen stdlib modules (abc, _collections_abc, ...) would shadow lib/.
sys.meta_path[:] = [f for f in sys.meta_path
                    if getattr(f, '__name__', '') != 'FrozenImporter']

# Forget host modules that lib/ provides, so imports resolve to lib/.
for entry in posix.listdir(LIB):
    name = entry[:-3] if entry.endswith('.py') else entry
    for m in list(sys.modules):
        if m == name or m.startswith(name + '.'):
            del sys.modules[m]

import harness
harness.LIB = LIB

path = sys.argv[1]
with open(path) as f:
    src = f.read()
ns = {'__name__': 'ftpy_test', '__file__': path}
exec(compile(src, path, 'exec'), ns)
passed = failed = 0
only = sys.argv[3] if len(sys.argv) > 3 else None
for name, fn in list(ns.items()):
    if not name.startswith('test_') or not callable(fn):
        continue
    if only and only not in name:
        continue
    try:
        fn()
    except BaseException as e:
        failed += 1
        import traceback as _tb  # ftpy's traceback, from lib/ (if it works)
        try:
            text = ''.join(_tb.format_exception(type(e), e, e.__traceback__))
        except BaseException:
            text = '%s: %s' % (type(e).__name__, e)
        sys.stdout.write('FAIL %s\n%s\n' % (name, text))
    else:
        passed += 1
sys.stdout.write('RESULT %d %d\n' % (passed, failed))
