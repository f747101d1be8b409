# The native Unpickler (_pickle.Unpickler, load, loads): every protocol's
# opcodes, recursive structures, files, encodings, hooks and the errors of
# damaged or hostile input, with CPython's messages.
import io
import pickle
import copyreg
import collections


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __repr__(self):
        return "Slotted(%r, %r)" % (self.a, self.b)


class WithState:
    def __init__(self, v):
        self.v = v

    def __getstate__(self):
        return {"v": self.v * 2}

    def __setstate__(self, st):
        self.v = st["v"] + 1

    def __repr__(self):
        return "WithState(%r)" % self.v


class KwNew:
    def __new__(cls, *, tag):
        o = super().__new__(cls)
        o.tag = tag
        return o

    def __getnewargs_ex__(self):
        return (), {"tag": self.tag}

    def __repr__(self):
        return "KwNew(%r)" % self.tag


class MyList(list):
    pass


class MyDict(dict):
    pass


OBJECTS = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, -2 ** 31, 2 ** 31 - 1, 2 ** 31, 2 ** 63, -2 ** 63 - 1,
    2 ** 200, -(2 ** 200) + 7, 0.0, -0.5, 1e300, float("inf"), 3.141592653589793,
    "", "ascii", "caf\u00e9", "\u20ac\U0001f600", "x" * 300, "\ud800",
    b"", b"abc", b"\x00\xff" * 200, bytearray(b"ba"), (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4),
    [], [1, [2, [3]]], {}, {"a": 1, 2: "b", (3,): [4]}, set(), {1, 2, 3}, frozenset(), frozenset({"q"}),
    Point(1, "two"), Slotted(3, [4]), WithState(5), KwNew(tag="t"), MyList([1, 2]), MyDict(k=1),
    collections.OrderedDict(a=1), complex(1, 2), range(1, 10, 2), slice(1, 2, 3), len, Point, int,
    collections.OrderedDict,
]


def show(obj):
    if isinstance(obj, (MyList, MyDict)):
        return "%s(%r)" % (type(obj).__name__, type(obj).__base__(obj))
    return repr(obj)


for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    outs = []
    for obj in OBJECTS:
        try:
            back = pickle.loads(pickle.dumps(obj, protocol=proto))
        except Exception as e:
            outs.append("%s(dumps)" % type(e).__name__)  # the pickler's message is not tested here
            continue
        outs.append("%s:%s" % (type(back).__name__, show(back)))
    print(proto, " ".join(outs))

# The same object twice, and cycles (the memo).
shared = [1, 2]
for proto in range(6):
    a, b = pickle.loads(pickle.dumps((shared, shared), proto))
    print(proto, a is b, a)
    l = [1]
    l.append(l)
    back = pickle.loads(pickle.dumps(l, proto))
    print(proto, back[1] is back, back[0])
    d = {}
    d["self"] = d
    back = pickle.loads(pickle.dumps(d, proto))
    print(proto, back["self"] is back)
    p = Point(1, 2)
    p.me = p
    back = pickle.loads(pickle.dumps(p, proto))
    print(proto, back.me is back, back.x)
    t = ([],)
    t[0].append(t)
    back = pickle.loads(pickle.dumps(t, proto))
    print(proto, back[0][0] is back)

# load() from a file leaves the file just after each pickle.
f = io.BytesIO()
for proto in range(6):
    pickle.dump({"proto": proto, "data": list(range(proto))}, f, proto)
end = f.tell()
f.seek(0)
for proto in range(6):
    print(pickle.load(f), f.tell() <= end)
print(f.tell() == end)
try:
    pickle.load(f)
except EOFError as e:
    print("EOFError", e)

# Unpickler objects: memo, reuse, find_class and persistent_load hooks.
data = pickle.dumps([Point(1, 2), "s", "s"], 2)
u = pickle.Unpickler(io.BytesIO(data))
print(u.load())
print(sorted(u.memo.copy())[:3])
u.memo = {}
print(len(u.memo.copy()))
try:
    u.memo = [1]
except TypeError as e:
    print("TypeError", e)
try:
    u.memo = {"a": 1}
except TypeError as e:
    print("TypeError", e)


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ("builtins", "__builtin__") and name in ("set", "frozenset"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


for proto in range(6):
    print(Restricted(io.BytesIO(pickle.dumps({1, 2}, proto))).load())
    try:
        Restricted(io.BytesIO(pickle.dumps(Point(1, 2), proto))).load()
    except pickle.UnpicklingError as e:
        print("UnpicklingError", e)


class DB:
    def __init__(self):
        self.rows = {"r1": "ROW ONE", 7: "ROW SEVEN", "7": "ROW SEVEN (text id)"}


class PersistPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, str) and obj.startswith("ROW"):
            return "r1" if obj == "ROW ONE" else 7
        return None


class PersistUnpickler(pickle.Unpickler):
    def __init__(self, f, db):
        super().__init__(f)
        self.db = db

    def persistent_load(self, pid):
        return self.db.rows[pid]


db = DB()
for proto in range(6):
    buf = io.BytesIO()
    try:
        PersistPickler(buf, proto).dump(["ROW ONE", "x", "ROW SEVEN"])
    except pickle.PicklingError as e:
        print("PicklingError", e)
        continue
    print(proto, PersistUnpickler(io.BytesIO(buf.getvalue()), db).load())
    try:
        pickle.loads(buf.getvalue())
    except pickle.UnpicklingError as e:
        print("UnpicklingError", e)
u = pickle.Unpickler(io.BytesIO(b"\x80\x02X\x02\x00\x00\x00idQ."))
try:
    u.persistent_load
except AttributeError as e:
    print("AttributeError", e)
u.persistent_load = lambda pid: ("loaded", pid)
print(u.load())

# Protocol 0-2 strings from Python 2: encodings.
py2 = b"(lp0\nS'caf\\xc3\\xa9'\np1\naS\"it's\"\np2\naU\x03\xe9t\xe9q\x03a."
print(pickle.loads(py2, encoding="bytes"))
print(pickle.loads(py2, encoding="latin1"))
try:
    pickle.loads(py2)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError", e.encoding, e.reason)
print(pickle.loads(b"cUserDict\nUserDict\n)\x81q\x00."[:0] or b"c__builtin__\nset\n(lp0\nI1\naI2\na\x85R."))
print(type(pickle.loads(b"ccopy_reg\n_reconstructor\n(c__builtin__\nobject\nc__builtin__\nobject\nNtR.")))
print(pickle.loads(b"I00\n.", fix_imports=False), pickle.loads(b"I01\n."), pickle.loads(b"I0x10\n."))
print(pickle.loads(b"L123L\n."), pickle.loads(b"F1.5\n."), pickle.loads(b"Vcaf\\u00e9\n."))
print(pickle.loads(b"(I1\nI2\ntp0\n(g0\ng0\nl."))

# Extension registry.
copyreg.add_extension("collections", "OrderedDict", 240)
try:
    for proto in (2, 4):
        data = pickle.dumps(collections.OrderedDict, proto)
        print(proto, data, pickle.loads(data))
    print(pickle.loads(b"\x80\x02\x82\xf0."))
finally:
    copyreg.remove_extension("collections", "OrderedDict", 240)
try:
    pickle.loads(b"\x80\x02\x82\xf0.")
except ValueError as e:
    print("ValueError", e)

# Out-of-band buffers (protocol 5 opcodes, fed by hand).
print(pickle.loads(b"\x80\x05\x97.", buffers=[b"abc"]))
mv = pickle.loads(b"\x80\x05\x97\x98.", buffers=[bytearray(b"xyz")])
print(type(mv).__name__, mv.readonly, bytes(mv))
for bad, kw in ((b"\x80\x05\x97.", {}), (b"\x80\x05\x97\x97.", {"buffers": [b"a"]}),
                (b"\x80\x05\x97.", {"buffers": None})):
    try:
        pickle.loads(bad, **kw)
    except pickle.UnpicklingError as e:
        print("UnpicklingError", e)

# Damaged and hostile input.
BAD = [
    b"", b"\x80", b"\x80\x02", b"\x80\x06N.", b"N", b"K", b"J\x01\x02", b"X\x05\x00\x00\x00ab", b".",
    b"0.", b"(.", b"(0.", b"1.", b"(t0N.", b"a.", b"N(a.", b"]Na(e.", b"}N(u.", b"(Nd.", b"(NNNd.",
    b"}NNNs.", b"h\x05.", b"j\x05\x00\x00\x00.", b"g5\n.", b"Ny.", b"S'abc\n.", b"Sabc'\n.", b"I12x\n.",
    b"p-1\n.", b"\x94.", b"N\x94.", b"NN\x93.", b"\x8c\x01a\x8c\x01b\x93.", b"\x8c\x08builtins\x8c\x03nop\x93.",
    b"cbuiltins\nnop\n.", b"cno_such_module_xyz\nx\n.", b"NNR.", b"cbuiltins\nlen\nNR.", b"N)\x81.",
    b"cbuiltins\nint\nN\x81.", b"NN}\x92.", b"\x8a\x01", b"\x8b\xff\xff\xff\xff.", b"Pabc\n.",
    b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N.", b"(\x8f\x90.", b"N\x90.", b"(N.", b"NN(\x85.",
    b"\x85.", b"N\x86.", b"\xff", b"\x00", b"'", b"\\", b"\x80\x04\x8c\x08builtins\x8c\x0aobject.xyz\x93.", b"Np-1\n.", b"F1e5\n.", b"Fnan\n.", b"F-inf\n.", b"L-12L\n.", b"L 12\n.", b"L12x\n.", b"Fx\n.",
    b"}(K\x01b.", b"N]b.", b"Nb.", b"((Vab\n\x95",
]
for data in BAD:
    try:
        r = pickle.loads(data)
        print(data, "->", r)
    except Exception as e:
        print(data, type(e).__name__, e)

# Arguments.
for call in (lambda: pickle.loads("str"), lambda: pickle.loads(b"N.", encoding=1),
             lambda: pickle.Unpickler(object()),
             lambda: pickle.Unpickler(io.BytesIO(), bogus=1)):
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
print(pickle.loads(memoryview(b"K\x07.")), pickle.loads(bytearray(b"K\x08.")))


class NoInit(pickle.Unpickler):
    def __init__(self):
        pass


try:
    NoInit().load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)
print(pickle.Unpickler.__module__, pickle.UnpicklingError.__module__, issubclass(pickle.UnpicklingError, pickle.PickleError))

# The memo proxy.
f = io.BytesIO(pickle.dumps(["a", "b"], 2))
u = pickle.Unpickler(f)
print(u.load(), type(u.memo).__name__, sorted(u.memo.copy().items()))
m = u.memo
m.clear()
print(u.memo.copy(), m.__reduce__()[0].__name__)
# (Assigning a dict or another proxy to memo is not compared: CPython 3.11's
# setter stores the entries in the memo it then discards.)
