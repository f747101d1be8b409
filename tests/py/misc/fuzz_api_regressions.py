# Calls that crashed ftpy when tools/fuzz/fuzz.py (api strategy) found them.
# Each must raise CPython's exception with CPython's message.
import _weakref
import codecs


def show(label, f):
    try:
        r = f()
    except BaseException as e:
        print(label, type(e).__name__, e)
    else:
        print(label, "->", repr(r))


class C:
    pass


# A non-dict first argument was read as a dict (SIGSEGV).
show("remove_dead type", lambda: _weakref._remove_dead_weakref(type, None))
show("remove_dead list", lambda: _weakref._remove_dead_weakref([], "k"))
d = {"k": 1}
show("remove_dead live", lambda: (_weakref._remove_dead_weakref(d, "k"), d))

# Slot wrappers called directly took any name to be a str (SIGSEGV/abort).
show("type.__delattr__ bytes", lambda: type.__delattr__(int, b""))
show("type.__setattr__ type", lambda: type.__setattr__(int, int, -0j))
show("type.__setattr__ str", lambda: type.__setattr__(int, "x", 1))
show("type.__getattribute__ bool", lambda: type.__getattribute__(int, True))
show("heap type.__setattr__ int", lambda: type.__setattr__(C, 1, 2))
show("heap type.__delattr__ int", lambda: type.__delattr__(C, 1))
show("object.__setattr__ int", lambda: object.__setattr__(C(), 1, 2))
show("object.__delattr__ int", lambda: object.__delattr__(C(), 1.5))
show("object.__getattribute__ None", lambda: object.__getattribute__(C(), None))
show("module __getattribute__", lambda: type(codecs).__getattribute__(codecs, 3))

# Decoders took an int as bytes(n): 4 GiB of zeros, then the allocator aborted.
for f in (codecs.unicode_escape_decode, codecs.raw_unicode_escape_decode,
          codecs.escape_decode, codecs.utf_8_decode, codecs.latin_1_decode,
          codecs.charmap_decode):
    for arg in (4294967296, "a\\x41", [1], memoryview(b"ab"), bytearray(b"x\\n")):
        show(f.__name__, lambda: f(arg))

# A shift whose result cannot exist: GMP aborted ("overflow in mpz type").
show("1 << 2**62", lambda: 1 << (2 ** 62))
show("-3 << 2**62", lambda: -3 << (2 ** 62))

# width - len(self) wrapped for a width near -2**63: a huge pad (abort).
import itertools
for v in (b"ab", bytearray(b"ab"), "ab", bytes(range(256))):
    for name in ("rjust", "ljust", "center", "zfill"):
        show(type(v).__name__ + "." + name, lambda: getattr(v, name)(-2 ** 63) == v)

# A tuple of 2**62 items: sizeof(Value) * n wrapped to a tiny block (SIGSEGV).
show("tee float", lambda: itertools.tee(-0.0, 2 ** 62))
show("tee list", lambda: itertools.tee([1], 2 ** 62))
show("tee negative", lambda: itertools.tee([1], -1))
show("tee 3", lambda: len(itertools.tee([1], 3)))

# The deque iterator types had object's tp_new: an iterator with no deque
# (SIGSEGV when iterated). They take (deque, index=0), as pickle calls them.
import _collections
import collections
for T in (_collections._deque_iterator, _collections._deque_reverse_iterator):
    for args in ((), (5,), (collections.deque([1, 2, 3]),), (collections.deque([1, 2, 3]), 1),
                 (collections.deque([1, 2, 3]), 10), (collections.deque([1]), "x"),
                 (collections.deque(), 0, 1)):
        show(T.__name__, lambda: list(T(*args)))

# array * n for an empty array looped n times (2**63 - 1: a hang).
import array
show("empty array * huge", lambda: array.array("i") * (2 ** 63 - 1))
show("huge * empty array", lambda: (2 ** 63 - 1) * array.array("d"))
show("array * huge", lambda: array.array("b", [1]) * (2 ** 62))


# An __eq__ that clears the set being added to left add with no table
# (SIGSEGV in set.update).
class ClearsOnEq:
    def __hash__(self):
        return 7

    def __eq__(self, other):
        victim.clear()
        return False


victim = set()
victim.add(ClearsOnEq())
victim.update([ClearsOnEq(), ClearsOnEq()])
print("set after clearing adds:", len(victim))
victim = set([ClearsOnEq()])
victim.add(ClearsOnEq())
print("set after clearing add:", len(victim))
