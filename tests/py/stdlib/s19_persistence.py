# Saving application state: pickle protocols, copyreg, shelve, dbm,
# plistlib, marshal, copy/deepcopy with custom hooks, weakref caches.
import pickle
import copyreg
import shelve
import dbm
import plistlib
import marshal
import copy
import weakref
import tempfile
import os
import io
import datetime
from collections import OrderedDict, defaultdict, Counter, deque


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self._conn = object()  # not picklable state

    def __getstate__(self):
        s = self.__dict__.copy()
        del s["_conn"]
        return s

    def __setstate__(self, s):
        self.__dict__.update(s)
        self._conn = None

    def __repr__(self):
        return f"Account({self.owner!r}, {self.balance})"


class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x}, {self.y})"


def reduce_point(p):
    return Point, (p.x, p.y)


copyreg.pickle(Point, reduce_point)
state = {"accounts": [Account("ann", 10), Account("bob", -5)], "pt": Point(1, 2),
         "when": datetime.date(2024, 5, 6), "od": OrderedDict(a=1), "dd": defaultdict(list, x=[1]),
         "c": Counter("aab"), "dq": deque([1, 2], maxlen=3), "fs": frozenset({1}), "by": bytearray(b"x"),
         "big": 2**100, "cx": 1 - 2j, "none": None, "nested": [[1, [2, [3]]]]}
state["self"] = state["nested"]
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    data = pickle.dumps(state, protocol=proto)
    back = pickle.loads(data)
    print(proto, back["accounts"], back["pt"], back["when"], back["dd"], back["dq"], back["self"] is back["nested"],
          back["accounts"][0]._conn)
print(pickle.DEFAULT_PROTOCOL, pickle.loads(pickle.dumps(state))["c"])
buf = io.BytesIO()
p = pickle.Pickler(buf, protocol=2)
p.dump([1, 2])
p.dump("second")
buf.seek(0)
u = pickle.Unpickler(buf)
print(u.load(), u.load())
for bad in [b"", b"\x80\x05garbage", b"cnosuchmodule\nthing\n."]:
    try:
        pickle.loads(bad)
    except Exception as e:
        print(type(e).__name__, e)
try:
    pickle.dumps(lambda: 0)
except (pickle.PicklingError, AttributeError) as e:
    print(type(e).__name__, str(e).split(" at 0x")[0])


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module in ("builtins", "__builtin__") and name in {"set"}:
            return set
        raise pickle.UnpicklingError(f"global '{module}.{name}' is forbidden")


print(Restricted(io.BytesIO(pickle.dumps({1, 2}, protocol=2))).load())
try:
    Restricted(io.BytesIO(pickle.dumps(Account("x", 1)))).load()
except pickle.UnpicklingError as e:
    print("UnpicklingError:", e)

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "store")
    with shelve.open(path) as db:
        db["cfg"] = {"k": [1, 2]}
        db["acct"] = Account("cy", 3)
        db["cfg"]["k"].append(3)  # not written back without writeback
    with shelve.open(path, writeback=True) as db:
        print(sorted(db.keys()), db["cfg"], db["acct"], "cfg" in db, len(db))
        db["cfg"]["k"].append(4)
    with shelve.open(path, flag="r") as db:
        print(db["cfg"])
        try:
            db["x"] = 1
        except Exception as e:
            print(type(e).__name__)
    dpath = os.path.join(d, "plain")
    with dbm.open(dpath, "c") as db:
        db["a"] = "1"
        db[b"b"] = b"2"
        print(sorted(db.keys()), db["a"], db.get(b"zz"), len(db))
    print(dbm.whichdb(dpath) is not None)

pl = {"name": "app", "ver": 3, "ok": True, "ratio": 1.5, "items": [1, "two"], "data": b"\x00\x01",
      "when": datetime.datetime(2024, 1, 2, 3, 4, 5)}
xml = plistlib.dumps(pl)
print(xml.decode())
print(plistlib.loads(xml) == pl, plistlib.loads(plistlib.dumps(pl, fmt=plistlib.FMT_BINARY)) == pl)
try:
    plistlib.dumps({"x": None})
except TypeError as e:
    print("TypeError:", e)

for v in [1, 2**70, 1.5, "s", b"b", (1, [2, {3: None}]), {1, 2}, frozenset(), None, True, Ellipsis, 3j]:
    assert marshal.loads(marshal.dumps(v)) == v, v
print(marshal.loads(marshal.dumps((1, "a"))), marshal.version)
try:
    marshal.dumps(object())
except ValueError as e:
    print("ValueError:", e)


class Node:
    def __init__(self, name, children=()):
        self.name = name
        self.children = list(children)
        self.cache = {}

    def __deepcopy__(self, memo):
        new = Node(self.name)
        memo[id(self)] = new
        new.children = copy.deepcopy(self.children, memo)
        return new

    def __copy__(self):
        return Node(self.name, self.children)


t = Node("root", [Node("a"), Node("b")])
t.cache["x"] = 1
s = copy.copy(t)
dcp = copy.deepcopy(t)
print(s.children is t.children, s.children[0] is t.children[0], dcp.children[0] is t.children[0], dcp.cache)
lst = [1, [2, 3]]
lst.append(lst)
c2 = copy.deepcopy(lst)
print(c2[2] is c2, c2[1] is not lst[1], copy.copy((1, 2)) is not None)


class Big:
    def __init__(self, n):
        self.n = n


cache = weakref.WeakValueDictionary()
objs = [Big(i) for i in range(3)]
for o in objs:
    cache[o.n] = o
print(sorted(cache.keys()))
del objs[1]
print(sorted(cache.keys()))
wk = weakref.WeakKeyDictionary()
k = Big(9)
wk[k] = "meta"
print(len(wk))
del k
print(len(wk))
r = weakref.ref(objs[0], lambda ref: print("collected", ref() is None))
del objs[0]
print(r())
fin = weakref.finalize(objs[0], print, "finalized", 2)
print(fin.alive)
del objs[0]
print(fin.alive)
ws = weakref.WeakSet()
b = Big(1)
ws.add(b)
print(len(ws), b in ws)
p = weakref.proxy(b)
print(p.n)
del b
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
m = weakref.WeakMethod(Big(1).__init__) if False else None
print(m)
