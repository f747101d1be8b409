"""Running the host standard library's pure-Python source of a module that
ftpy also has in lib/ (pickle, datetime), with edits to its text.

CPython runs C accelerators (_pickle, _datetime) that ftpy does not have; the
host's pure-Python modules behave differently in messages and edge cases.
The wrappers in lib/ execute the host's source, corrected, in their own
namespace, so that everything else in it stays the host's.
"""

import os as _os
import sys as _sys

import _ftpy_codecache

_HERE = _os.path.dirname(_os.path.abspath(__file__))


def exec_host_source(filename, namespace, edits):
    """Execute the host's `filename` (the first one on sys.path outside
    lib/) in `namespace`, after replacing each (old, new) text pair of
    `edits` in it; a pair that does not match (another host version) leaves
    that part as it was. Returns the path of the file that ran."""
    for d in _sys.path:
        d = _os.path.abspath(d or '.')
        if d == _HERE:
            continue
        path = _os.path.join(d, filename)
        if _os.path.isfile(path):
            break
    else:
        raise ImportError('the standard library %s was not found' % filename,
                          name=filename[:-3])
    with open(path, encoding='utf-8') as f:
        text = f.read()
    for old, new in edits:
        text = text.replace(old, new)
    # The edited text is compiled through the bytecode cache, keyed by the
    # text itself (datetime.py alone took ~75M instructions to compile on
    # every import): lib/__pycache__/<name>.host.ftpy[.opt-N].pyc.
    opt = _sys.flags.optimize
    tag = '.ftpy.opt-%d.pyc' % opt if opt else '.ftpy.pyc'
    cache = _os.path.join(_HERE, '__pycache__', filename[:-3] + '.host' + tag)
    exec(_ftpy_codecache.compile_cached(text, path, cache), namespace)
    return path
