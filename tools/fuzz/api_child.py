"""API fuzzing child: runs inside the interpreter under test (ftpy, or
python3 for comparison) and calls built-ins, methods of built-in types and
functions of native modules with argument lists drawn from a pool of
awkward values.

usage: api_child.py SEED NCALLS LOGFILE [ONLY]

Every call is generated from SEED alone, before it runs: each call draws the
same number of random numbers whatever happened before, and each call adds
exactly one entry to the pool (its result, the exception it raised, or None
when it is skipped). So the calls are the same in every run of one seed,
and a subset of them (ONLY: a file of call indices, one a line) can be
replayed to minimise a crash. Before each call the child writes
"CALL <i> <description>" to LOGFILE with os.write (no buffering, so the line
is there when the process dies); an exception that looks internal
(SystemError, "internal error") is written as "SYSERR <i> ...".

Nothing here may be destructive: only harmless functions are listed, files
are created only in the current directory (the driver runs the child in a
temporary one), and sizes are left to the driver's memory limit.
"""
import sys
import os
import random
import signal
import gc

SEED = int(sys.argv[1])
NCALLS = int(sys.argv[2])
LOG = os.open(sys.argv[3], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
ONLY = None
if len(sys.argv) > 4:
    with open(sys.argv[4]) as f:
        ONLY = {int(x) for x in f.read().split()}
# Per-call soft time limit: a call that loops in Python code is stopped by
# an exception from the alarm handler; one that loops in C++ without
# checking signals is left to the driver's hard timeout.
CALL_SECONDS = float(os.environ.get("FUZZ_CALL_SECONDS", "1.0"))


def log(text):
    os.write(LOG, (text.replace("\n", "\\n")[:2000] + "\n").encode("utf-8", "backslashreplace"))


class FuzzTimeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise FuzzTimeout()


signal.signal(signal.SIGALRM, on_alarm)

# ---------------------------------------------------------------------------
# Awkward values. VICTIMS are mutable containers that the evil objects below
# mutate while a built-in is in the middle of using them.
VICTIM_LIST = [1, 2, 3, "x", None, 4.5]
VICTIM_DICT = {1: 1, "a": 2, 3.5: 3, None: 4}
VICTIM_SET = {1, 2, 3, "s"}
VICTIM_BYTEARRAY = bytearray(b"victim bytes")
VICTIMS = [VICTIM_LIST, VICTIM_DICT, VICTIM_SET, VICTIM_BYTEARRAY]
_mutations = [0]


def mutate_victims():
    """Change every victim in a way that moves its storage: clear it, or
    grow it enough to reallocate. Alternates, so both happen."""
    _mutations[0] += 1
    n = _mutations[0]
    for v in VICTIMS:
        try:
            if n % 3 == 0:
                v.clear()
            elif isinstance(v, dict):
                for k in range(40):
                    v[("grow", n, k)] = k
            elif isinstance(v, set):
                v.update(range(n * 100, n * 100 + 40))
            elif isinstance(v, bytearray):
                v.extend(b"g" * 300)
            else:
                v.extend(range(40))
        except Exception:
            pass
        # Keep them bounded so a long run does not grow without limit.
        try:
            if len(v) > 2000:
                v.clear()
        except Exception:
            pass


class Boom(Exception):
    pass


class BadIndex:
    def __index__(self):
        raise Boom("index")
    def __int__(self):
        raise Boom("int")
    def __float__(self):
        raise Boom("float")


class HugeIndex:
    def __index__(self):
        return 2 ** 100


class NegIndex:
    def __index__(self):
        return -(2 ** 70)


class StrIndex:
    def __index__(self):
        return "3"
    def __int__(self):
        return "3"
    def __float__(self):
        return "3.0"
    def __complex__(self):
        return "j"


class MutIndex:
    def __index__(self):
        mutate_victims()
        return 1
    def __int__(self):
        mutate_victims()
        return 2
    def __float__(self):
        mutate_victims()
        return 2.5


class BadHash:
    def __hash__(self):
        raise Boom("hash")


class HugeHash:
    def __hash__(self):
        return 2 ** 200
    def __eq__(self, other):
        return True


class ConstHashMutEq:
    """Every instance collides, and comparing mutates the victims: the
    classic way to make a dict or set change under a lookup."""
    def __hash__(self):
        return 7
    def __eq__(self, other):
        mutate_victims()
        return False
    def __lt__(self, other):
        mutate_victims()
        return True
    __gt__ = __le__ = __ge__ = __lt__


class BadEq:
    def __eq__(self, other):
        raise Boom("eq")
    def __lt__(self, other):
        raise Boom("lt")
    __hash__ = object.__hash__


class NotImplCmp:
    def __eq__(self, other):
        return NotImplemented
    __lt__ = __gt__ = __le__ = __ge__ = __ne__ = __eq__
    __hash__ = object.__hash__


class BadLen:
    def __len__(self):
        return -1


class HugeLen:
    def __len__(self):
        return 2 ** 62
    def __getitem__(self, i):
        if i > 5:
            raise IndexError(i)
        return i


class RaisingLen:
    def __len__(self):
        raise Boom("len")
    def __iter__(self):
        raise Boom("iter")


class BadIterResult:
    def __iter__(self):
        return 42


class MutIter:
    """Iterating mutates the victims between items."""
    def __iter__(self):
        for i in range(5):
            mutate_victims()
            yield i


class LyingHint:
    def __iter__(self):
        return iter([1, 2, 3])
    def __length_hint__(self):
        return 2 ** 40


class NegHint:
    def __iter__(self):
        return iter("ab")
    def __length_hint__(self):
        return -5


class RaiseAfter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise Boom("next")
        return self.n


class BadStr:
    def __str__(self):
        return 5
    def __repr__(self):
        return b"x"
    def __format__(self, spec):
        return 7


class RaisingStr:
    def __str__(self):
        raise Boom("str")
    __repr__ = __str__


class BadFspath:
    def __fspath__(self):
        return 3


class Everything:
    """Answers every attribute with a function that mutates the victims and
    returns something odd: stands in for file-likes, mappings, callbacks."""
    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        def method(*a, **k):
            mutate_victims()
            return [None, 0, b"", "", -1, 2 ** 64, [1]][len(name) % 7]
        return method
    def __call__(self, *a, **k):
        mutate_victims()
        return None


class BadGetattr:
    def __getattr__(self, name):
        raise Boom(name)
    def __getattribute__(self, name):
        raise Boom(name)


class KeysMapping:
    def keys(self):
        mutate_victims()
        return ["a", "b", 1]
    def __getitem__(self, k):
        if k == 1:
            raise KeyError(k)
        return k


class BadMro(type):
    pass


class StrSub(str):
    def __eq__(self, other):
        mutate_victims()
        return str.__eq__(self, other)
    __hash__ = str.__hash__
    def __iter__(self):
        return iter([1, 2])


class IntSub(int):
    def __index__(self):
        return 10 ** 30
    def __int__(self):
        return -1


class FloatSub(float):
    def __float__(self):
        raise Boom("float")


class ListSub(list):
    def __iter__(self):
        mutate_victims()
        return iter([9, 8])
    def __len__(self):
        return 1000


class DictSub(dict):
    def keys(self):
        return ["nope"]
    def __getitem__(self, k):
        mutate_victims()
        raise KeyError(k)
    def __iter__(self):
        return iter([1, 2, 3])


class TupleSub(tuple):
    def __len__(self):
        return -3


class BytesSub(bytes):
    def __index__(self):
        return 2


class RecursiveRepr:
    def __repr__(self):
        return repr(self)


def raising_func(*a, **k):
    raise Boom("func")


def mutating_func(*a, **k):
    mutate_victims()
    return a[0] if a else None


def weird_key(x):
    mutate_victims()
    return id(x) % 3


def make_gen():
    yield 1
    yield 2


def bad_gen():
    yield 1
    raise Boom("gen")


rec_list = [1]
rec_list.append(rec_list)
rec_dict = {}
rec_dict["self"] = rec_dict
rec_tuple_holder = []
rec_tuple = (rec_tuple_holder,)
rec_tuple_holder.append(rec_tuple)

STATIC = [
    0, 1, -1, 2, 3, 7, 8, 16, 255, 256, 1000, 2 ** 31 - 1, 2 ** 31, 2 ** 32, 2 ** 62, 2 ** 63 - 1,
    2 ** 63, -(2 ** 63), -(2 ** 63) - 1, 2 ** 64, -(2 ** 64), 10 ** 30, -(10 ** 30), 2 ** 1000,
    True, False,
    0.0, -0.0, 0.5, 1.5, -2.5, float("nan"), float("inf"), float("-inf"), 1e308, 5e-324, -1e308,
    1e16, 2.0 ** 63, 1j, complex(float("nan"), float("inf")), complex(0, -0.0),
    "", "a", "abc", "hello world", "\u00e9", "\U0001F600", "\ud800", "\udcff", "\x00", "a\x00b",
    "a" * 300, "%s%d%", "{0}{x}{", "{}", "\\", "\\x", "utf-8", "latin-1", "ascii", "utf-16",
    "utf-32", "idna", "punycode", "unicode_escape", "raw_unicode_escape", "charmap", "cp1252",
    "strict", "ignore", "replace", "surrogateescape", "surrogatepass", "backslashreplace",
    "xmlcharrefreplace", "namereplace", "1e5", "  12  ", "-0x1f", "0b101", "1_000", "inf", "nan",
    "0x1.8p3", ">10", "^#0,.3f", "_", "=+#030_x", ".%", "%Y-%m-%d %H:%M:%S %z %Z %%", "%",
    "<i", ">Q", "@P", "3s2x?", "e", "10000000000000s", "n", "(a)*", "[", "(?P<n>x)\\1",
    "(a|b)*?c{2,}", "(?<=a)b", "\\w+\\b", "x" * 30 + "y", "__class__", "__dict__", "append",
    "keys", "real", "\n", "\r\n", " \t ", "#", "a.b.c", "..", "x=1", "lambda: 0",
    "\u0130", "\u00df", "\ufb01", "\u1e9e", "\U00010400", "Σ", "\u0345",
    b"", b"\x00", b"a", b"abc", b"\xff" * 10, bytes(range(256)), b"\x80abc", b"%s%b", b"{}",
    b"=?utf-8?q?x?=", b"\xc3\x28", b"\xed\xa0\x80", b"\x1f\x8b\x08\x00", b"x\x9c\x03\x00",
    b"BZh91AY", b"\xfd7zXZ\x00", b"(lp0\n.", b"\x80\x04\x95", b"\x80\x02]q\x00.", b"]",
    bytearray(b"abc"), bytearray(), bytearray(b"\x00" * 64),
    memoryview(b"abcdef"), memoryview(bytearray(b"mutable!")), memoryview(b"12345678").cast("i"),
    memoryview(b"123456").cast("B", (2, 3)), memoryview(b"")[::-1],
    None, Ellipsis, NotImplemented,
    [], [1, 2, 3], [None] * 5, [3, 1, 2, "x"], [[1, 2], [3, 4]], [(1, 2), (3, 4)],
    (), (1,), (1, "a", None), (2, 3), ((1, 2),), tuple(range(40)),
    {}, {1: 2, "a": "b"}, {"key": "value", "x": [1]}, set(), {1, 2}, frozenset({1, "a"}),
    frozenset(),
    range(0), range(10), range(-5, 10 ** 20, 10 ** 18), range(10, 0, -3), range(2 ** 63, 2 ** 64, 2 ** 59),
    slice(None), slice(1, -1, 2), slice(0, 10, 0), slice(-(2 ** 70), 2 ** 70, -1),
    slice("a", None, []),
    iter([1, 2, 3]), iter(""), reversed([1, 2]), enumerate("ab"), zip("a", "b"),
    map(str, [1]), filter(None, [0, 1]), make_gen(), bad_gen(),
    VICTIM_LIST, VICTIM_DICT, VICTIM_SET, VICTIM_BYTEARRAY,
    rec_list, rec_dict, rec_tuple,
    BadIndex(), HugeIndex(), NegIndex(), StrIndex(), MutIndex(), BadHash(), HugeHash(),
    ConstHashMutEq(), ConstHashMutEq(), BadEq(), NotImplCmp(), BadLen(), HugeLen(),
    RaisingLen(), BadIterResult(), MutIter(), LyingHint(), NegHint(), RaiseAfter(), BadStr(),
    RaisingStr(), BadFspath(), Everything(), BadGetattr(), KeysMapping(), RecursiveRepr(),
    StrSub("abc"), StrSub(""), IntSub(5), IntSub(-1), FloatSub(2.5), ListSub([1, 2]),
    DictSub(a=1), TupleSub((1, 2)), BytesSub(b"xy"),
    [ConstHashMutEq(), ConstHashMutEq(), ConstHashMutEq()],
    {ConstHashMutEq(): 1, ConstHashMutEq(): 2}, [BadEq(), 1], [NotImplCmp(), NotImplCmp()],
    [MutIndex(), 2], (BadIndex(),), [BadHash()], ["a", StrSub("a"), 1],
    raising_func, mutating_func, weird_key, len, abs, str, repr, lambda *a: a, lambda: None,
    int, str, bytes, list, dict, object, type, BaseException, ValueError, KeyError, StrSub,
    IntSub, ListSub, DictSub, BadMro, Boom, ConstHashMutEq, Everything,
    Boom("x"), ValueError(), KeyError("k"), StopIteration(5), OSError(2, "nofile", "x"),
    UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad"),
    object(), type("Dyn", (), {}), property(lambda s: 1), staticmethod(len), classmethod(len),
    super(StrSub, StrSub("q")),
]

# Receivers for unbound methods, per type name: a few typical instances.
def _instances():
    import collections
    import array
    import io
    import datetime
    import struct
    import functools
    out = {
        "int": [0, -5, 2 ** 100, True, IntSub(3)],
        "float": [0.0, -1.5, float("nan"), float("inf"), FloatSub(1.0)],
        "complex": [1j, complex(1e308, -1e308)],
        "bool": [True, False],
        "str": ["", "abc", "\U0001F600xy\u00e9", "\ud800", "a" * 100, StrSub("sub")],
        "bytes": [b"", b"abc", bytes(range(256)), BytesSub(b"q")],
        "bytearray": [bytearray(b"abcdef"), bytearray(), VICTIM_BYTEARRAY],
        "list": [[], [1, 2, 3], [3, "a", None], VICTIM_LIST, rec_list,
                 [ConstHashMutEq(), ConstHashMutEq()], ListSub([5])],
        "tuple": [(), (1, 2), rec_tuple, TupleSub((4,))],
        "dict": [{}, {1: 2}, VICTIM_DICT, rec_dict, DictSub(x=1)],
        "set": [set(), {1, 2}, VICTIM_SET, {ConstHashMutEq(), ConstHashMutEq()}],
        "frozenset": [frozenset(), frozenset({1, 2})],
        "memoryview": [memoryview(b"abcd"), memoryview(bytearray(b"rw data")),
                       memoryview(b"\x00" * 16).cast("q"), memoryview(b"123456").cast("B", (3, 2))],
        "range": [range(0), range(5), range(-3, 2 ** 70, 2 ** 66)],
        "slice": [slice(1, 2, 3), slice(None), slice(-1, None, -1)],
        "type": [int, type, StrSub, Everything],
        "object": [object(), Everything(), 5],
        "deque": [collections.deque([1, 2, 3]), collections.deque(maxlen=2), collections.deque()],
        "defaultdict": [collections.defaultdict(list, {1: [2]})],
        "OrderedDict": [collections.OrderedDict(a=1, b=2)],
        "array": [array.array("i", [1, 2, 3]), array.array("d"), array.array("u", "abc"),
                  array.array("B", b"xyz")],
        "BytesIO": [io.BytesIO(b"hello\nworld\n"), io.BytesIO()],
        "StringIO": [io.StringIO("line1\nline2\n"), io.StringIO()],
        "date": [datetime.date(2020, 2, 29), datetime.date.min],
        "datetime": [datetime.datetime(2021, 3, 4, 5, 6, 7, 8), datetime.datetime.max],
        "time": [datetime.time(23, 59, 59, 999999)],
        "timedelta": [datetime.timedelta(days=-1, seconds=5), datetime.timedelta.max],
        "timezone": [datetime.timezone.utc, datetime.timezone(datetime.timedelta(hours=-5))],
        "Struct": [struct.Struct("<iq"), struct.Struct("")],
        "partial": [functools.partial(max, 1)],
    }
    return out


INSTANCES = _instances()

# ---------------------------------------------------------------------------
# Targets.
SKIP_BUILTINS = {"input", "breakpoint", "help", "exit", "quit", "open", "copyright", "credits",
                 "license", "__import__", "exec", "eval", "__build_class__", "aiter", "anext"}

MODULES = {
    # module name: None for every public callable, or the set of names to use.
    "math": None, "cmath": None, "struct": None, "array": None, "itertools": None,
    "functools": None, "operator": None, "_collections": None, "collections": None,
    "json": None, "re": None, "_pickle": None, "pickle": {"dumps", "loads"}, "datetime": None,
    "binascii": None, "zlib": None, "bz2": {"compress", "decompress", "BZ2Compressor",
                                            "BZ2Decompressor"},
    "lzma": {"compress", "decompress", "LZMACompressor", "LZMADecompressor"},
    "heapq": None, "bisect": None, "_random": None, "unicodedata": None, "codecs": {
        "encode", "decode", "lookup", "utf_8_decode", "utf_8_encode", "utf_16_decode",
        "escape_decode", "escape_encode", "charmap_build", "charmap_decode", "charmap_encode",
        "latin_1_encode", "unicode_escape_decode", "raw_unicode_escape_decode", "utf_7_decode",
        "utf_32_decode", "utf_16_ex_decode", "ascii_decode", "getincrementaldecoder",
        "getincrementalencoder", "iterdecode", "iterencode"},
    "_codecs": None, "hashlib": {"md5", "sha1", "sha256", "sha512", "blake2b", "blake2s",
                                 "sha3_256", "shake_128", "new", "pbkdf2_hmac"},
    "_csv": {"reader", "writer", "register_dialect", "get_dialect", "field_size_limit",
             "Dialect"},
    "_string": None, "copy": None, "_weakref": None, "weakref": {"ref", "proxy",
                                                                "WeakValueDictionary"},
    "time": {"strftime", "strptime", "gmtime", "localtime", "mktime", "asctime", "ctime",
             "time", "monotonic", "perf_counter", "process_time", "get_clock_info",
             "time_ns", "thread_time"},
    "os": {"fspath", "getcwd", "getpid", "strerror", "urandom", "cpu_count", "fsencode",
           "fsdecode", "device_encoding", "getenv", "get_terminal_size", "stat", "lstat",
           "listdir", "scandir", "waitstatus_to_exitcode", "major", "minor", "makedev",
           "get_blocking", "isatty", "umask"},
    "os.path": {"join", "split", "normpath", "abspath", "basename", "dirname", "splitext",
                "commonprefix", "commonpath", "expanduser", "expandvars", "normcase",
                "isabs", "exists", "isdir", "relpath", "splitdrive"},
    "sys": {"getsizeof", "intern", "getrefcount", "exc_info", "_getframe", "is_finalizing",
            "get_int_max_str_digits", "getrecursionlimit", "getdefaultencoding"},
    "gc": {"collect", "get_referents", "get_referrers", "is_tracked", "is_finalized",
           "get_count", "get_threshold"},
    "string": {"Formatter", "Template", "capwords"},
    "errno": None, "_operator": None, "_functools": None, "_heapq": None, "_bisect": None,
    "_struct": None, "_json": None, "_sre": None, "_datetime": None, "io": {
        "BytesIO", "StringIO", "TextIOWrapper", "BufferedReader", "BufferedWriter",
        "BufferedRWPair", "IncrementalNewlineDecoder"},
    "_io": {"BytesIO", "StringIO", "TextIOWrapper", "BufferedReader", "BufferedWriter",
            "BufferedRandom", "BufferedRWPair", "IncrementalNewlineDecoder"},
    "pyexpat": {"ParserCreate", "ErrorString"}, "_elementtree": None, "select": set(),
    "textwrap": {"wrap", "dedent", "indent"}, "base64": None, "_bz2": None, "_lzma": None,
    "_md5": None, "_sha1": None, "_sha256": None, "_blake2": None, "_sha3": None,
    "_statistics": None, "_locale": {"localeconv", "strcoll", "strxfrm"},
    "fnmatch": None, "shlex": {"split", "quote", "join"}, "difflib": {"SequenceMatcher"},
    "html": None, "_contextvars": None, "contextvars": None, "_abc": None,
    "_stat": None, "stat": None, "_warnings": {"warn_explicit"}, "math_integer": set(),
}

# Names never called on objects that turn up in the pool: keep the run
# harmless and inside its directory.
BAD_NAMES = {"system", "remove", "unlink", "rmdir", "removedirs", "kill", "killpg", "fork",
             "forkpty", "execv", "execve", "spawn", "popen", "rename", "replace", "chmod",
             "chown", "truncate", "mkdir", "makedirs", "symlink", "link", "close", "detach",
             "fileno", "settrace", "setprofile", "setrecursionlimit", "exit", "_exit", "abort",
             "sleep", "wait", "join", "acquire", "interact", "run", "set_int_max_str_digits",
             "setswitchinterval", "setlocale", "tzset", "putenv", "unsetenv", "chdir",
             "__del__", "register", "input", "globals",
             # Ways to reach a module's globals (the child's own among them):
             # a call that cleared one would break the run, not ftpy.
             "get_referrers", "get_referents", "_getframe", "tb_frame", "f_globals",
             "f_locals", "f_builtins", "f_back", "__globals__", "gi_frame", "cr_frame",
             "ag_frame", "__self__", "__builtins__", "modules"}


def keepable(v):
    """False for what would let a later call break the harness: a module,
    a frame, or a module's globals dict."""
    tn = type(v).__name__
    if tn in ("module", "frame", "traceback", "code"):
        return False
    if isinstance(v, dict):
        for m in list(sys.modules.values()):
            if getattr(m, "__dict__", None) is v:
                return False
    return True


def collect_targets():
    """A sorted list of (name, callable): the same in every run."""
    import builtins
    import importlib
    targets = []
    for name in sorted(dir(builtins)):
        obj = getattr(builtins, name)
        if name in SKIP_BUILTINS or not callable(obj):
            continue
        if isinstance(obj, type) and issubclass(obj, BaseException) and name != "BaseException":
            continue  # exception constructors are alike; BaseException stands for them
        targets.append(("builtins." + name, obj))
    for modname in sorted(MODULES):
        wanted = MODULES[modname]
        try:
            if modname == "os.path":
                import os.path as mod
            else:
                mod = importlib.import_module(modname)
        except Exception:
            continue
        for name in sorted(dir(mod)):
            if wanted is None:
                if name.startswith("_") and not modname.startswith("_"):
                    continue
                if name.startswith("__"):
                    continue
            elif name not in wanted:
                continue
            if name in BAD_NAMES:
                continue
            try:
                obj = getattr(mod, name)
            except Exception:
                continue
            if not callable(obj) or type(obj).__name__ == "module":
                continue
            if modname not in ("collections", "io", "os.path", "string", "shlex", "difflib",
                               "textwrap", "weakref", "pickle", "html", "copy", "fnmatch",
                               "base64", "stat", "contextvars") \
                    and type(obj).__name__ == "function" and modname != "codecs":
                continue  # a Python-level helper of a native module: not the target
            targets.append((modname + "." + name, obj))
    # Unbound methods of the built-in types, with receivers from INSTANCES.
    import collections
    import array
    import io
    import datetime
    import struct
    import functools
    types_ = [int, float, complex, bool, str, bytes, bytearray, list, tuple, dict, set,
              frozenset, memoryview, range, slice, type, object, collections.deque,
              collections.defaultdict, collections.OrderedDict, array.array, io.BytesIO,
              io.StringIO, datetime.date, datetime.datetime, datetime.time,
              datetime.timedelta, datetime.timezone, struct.Struct, functools.partial]
    for t in types_:
        for name in sorted(dir(t)):
            if name in BAD_NAMES or name in ("__init_subclass__", "__subclasshook__"):
                continue
            try:
                attr = getattr(t, name)
            except Exception:
                continue
            if callable(attr) and not isinstance(attr, type):
                targets.append(("%s.%s" % (t.__name__, name), ("method", t, attr)))
    return targets


KW_NAMES = ["key", "default", "reverse", "start", "stop", "step", "encoding", "errors", "sep",
            "end", "base", "maxsplit", "keepends", "strict", "fillvalue", "initial", "repeat",
            "r", "n", "x", "flags", "count", "indent", "sort_keys", "protocol", "tzinfo",
            "fold", "hours", "byteorder", "signed", "length", "newline", "mode", "optimize",
            "dont_inherit", "fix_imports", "object_hook", "separators", "maxlen", "func",
            "iterable", "object", "string", "pos", "endpos", "width", "fill", "tabsize",
            "ensure_ascii", "allow_nan", "default_factory", "dialect", "delimiter", "bogus"]

# ---------------------------------------------------------------------------
DRAWS = 12  # random numbers drawn per call, whatever the call turns out to be


def short(v):
    """A description of a value that runs no user code."""
    t = type(v)
    try:
        if t in (int, float, complex, bool) or v is None:
            s = repr(v)
            return s if len(s) < 40 else "%s(%d digits)" % (t.__name__, len(s))
        if t in (str, bytes):
            s = repr(v)
            return s if len(s) < 40 else s[:30] + "...(len %d)" % len(v)
    except Exception:
        pass
    return "<%s>" % t.__name__


def main():
    rng = random.Random(SEED)
    targets = collect_targets()
    pool = list(STATIC)
    nstatic = len(pool)
    log("TARGETS %d STATIC %d" % (len(targets), nstatic))
    devnull = open(os.devnull, "w")
    sys.stdout = devnull  # print() and friends are fuzzed too
    for i in range(NCALLS):
        d = [rng.getrandbits(30) for _ in range(DRAWS)]
        if ONLY is not None and i not in ONLY:
            pool.append(None)
            continue
        kind = d[0] % 10
        # Arguments: mostly the static awkward values, sometimes results.
        nargs = [0, 1, 1, 2, 2, 2, 3, 3, 4, 5][d[1] % 10]
        args = []
        for k in range(nargs):
            r = d[2 + k]
            if r % 4 == 0 and len(pool) > nstatic:
                args.append(pool[nstatic + (r >> 2) % (len(pool) - nstatic)])
            else:
                args.append(pool[(r >> 2) % nstatic])
        kwargs = {}
        if d[7] % 8 == 0:
            kwargs[KW_NAMES[(d[7] >> 3) % len(KW_NAMES)]] = pool[(d[8] >> 2) % len(pool)]
        if kind < 8:
            name, target = targets[d[9] % len(targets)]
            if isinstance(target, tuple):
                _, t, fn = target
                recv = INSTANCES.get(t.__name__) or [None]
                if d[10] % 5:
                    this = recv[(d[10] >> 3) % len(recv)]
                else:
                    this = pool[(d[10] >> 3) % len(pool)]
                call_args = [this] + args
                desc = "%s(%s)" % (name, ", ".join(short(a) for a in call_args))
                fn_to_call = fn
            else:
                call_args = args
                desc = "%s(%s)" % (name, ", ".join(short(a) for a in args))
                fn_to_call = target
        else:
            # A method of an object made by an earlier call (or a static one).
            if len(pool) > nstatic and d[9] % 2:
                obj = pool[nstatic + (d[9] >> 1) % (len(pool) - nstatic)]
            else:
                obj = pool[(d[9] >> 1) % nstatic]
            try:
                names = [n for n in sorted(dir(type(obj))) if n not in BAD_NAMES
                         and n not in ("__init_subclass__", "__subclasshook__")]
                name = names[d[10] % len(names)]
                fn_to_call = getattr(obj, name)
            except BaseException:
                pool.append(None)
                continue
            if not callable(fn_to_call):
                pool.append(fn_to_call if keepable(fn_to_call) else None)
                continue
            call_args = args
            desc = "<%s>.%s(%s)" % (type(obj).__name__, name,
                                    ", ".join(short(a) for a in args))
        if kwargs:
            desc += " kw=" + ",".join(kwargs)
        log("CALL %d %s" % (i, desc))
        result = None
        try:
            signal.setitimer(signal.ITIMER_REAL, CALL_SECONDS)
            try:
                result = fn_to_call(*call_args, **kwargs)
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except FuzzTimeout:
            log("SLOW %d" % i)
        except SystemError as e:
            log("SYSERR %d %s: %s" % (i, type(e).__name__, str(e)[:300]))
            result = e
        except RecursionError as e:
            result = e
        except BaseException as e:
            try:
                msg = str(e)
            except BaseException:
                msg = ""
            if "internal error" in msg.lower() or "ftpy" in msg.lower():
                log("SYSERR %d %s: %s" % (i, type(e).__name__, msg[:300]))
            result = e
        sys.stdout = devnull
        pool.append(result if keepable(result) else None)
        if d[11] % 97 == 0:
            gc.collect()
    log("DONE %d" % NCALLS)


main()
