"""Config inspector: pprint, reprlib, json with custom encoders/decoders, copy, ChainMap."""
import pprint
import reprlib
import json
import copy
import dataclasses
import datetime
import collections
import types
import sys
import io


@dataclasses.dataclass
class Server:
    host: str
    port: int = 8080
    tags: list = dataclasses.field(default_factory=list)
    meta: dict = dataclasses.field(default_factory=dict)


defaults = {"debug": False, "workers": 4, "log": {"level": "INFO", "handlers": ["console", "file"], "rotate": {"when": "midnight", "keep": 7}}}
env = {"workers": 8}
cli = {"debug": True}
cfg = collections.ChainMap(cli, env, defaults)
print(cfg["debug"], cfg["workers"], cfg["log"]["level"], len(cfg), sorted(cfg), cfg.maps[0])
child = cfg.new_child({"workers": 1})
print(child["workers"], child.parents["workers"], repr(collections.ChainMap({"a": 1}, {"b": 2})))
del child["workers"]
try:
    del child["workers"]
except KeyError as e:
    print("KeyError", e)

servers = [Server("alpha.example.com", 443, ["prod", "eu"], {"weight": 3, "cert": {"cn": "alpha", "sans": ["a", "b"]}}),
           Server("beta", tags=["staging"]),
           Server("gamma.internal", 9000, list(range(30)), {"nested": {"deep": {"deeper": {"deepest": [1, 2, {"x": None}]}}}})]
big = {"servers": servers, "defaults": defaults, "matrix": [[i * j for j in range(8)] for i in range(6)],
       "set": {3, 1, 2}, "fs": frozenset({"b", "a"}), "tuple": (1,), "empty": [(), {}, [], set()],
       "long": "word " * 30, "bytes": b"\x00\x01binary" * 6, "odict": collections.OrderedDict(z=1, a=2),
       "dd": collections.defaultdict(list, {"k": [1]}), "counter": collections.Counter("hello world"),
       "deque": collections.deque(range(5), maxlen=8), "ns": types.SimpleNamespace(a=1, b=[2, 3]),
       "date": datetime.date(2024, 2, 29), "unicode": "naïve ☃", "float": [0.1, 1e-7, 1e22, float("inf")]}
pprint.pprint(big)
print("-" * 20)
pprint.pprint(big, width=40, depth=2)
print("-" * 20)
pprint.pprint(big["servers"], compact=True, width=100, sort_dicts=False)
pp = pprint.PrettyPrinter(indent=4, width=60, underscore_numbers=True)
pp.pprint({"n": 123456789, "big": 10 ** 12, "list": list(range(12))})
print(pprint.pformat("a" * 100, width=30))
print(pprint.pformat(list(range(100)), width=50, compact=True))
print(pprint.isreadable(big["defaults"]), pprint.isreadable(big), pprint.isrecursive(big))
rec = [1, 2]
rec.append(rec)
drec = {"self": None}
drec["self"] = drec
import re as _re
print(_re.sub(r"id=\d+", "id=N", " ".join([pprint.pformat(rec), pprint.pformat(drec), pprint.saferepr(rec), repr(rec), repr(drec)])))
pprint.pp({"b": 1, "a": 2})
print(pprint.pformat(Server("x"), width=20))

r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 15
r.maxdict = 2
print(r.repr(list(range(10))), r.repr("x" * 50), r.repr({i: i for i in range(5)}), r.repr(set(range(9))), r.repr((1, 2, 3, 4, 5)))
print(reprlib.repr(list(range(100))), reprlib.repr("y" * 100), reprlib.repr({"k" + str(i): [i] * 10 for i in range(10)}),
      reprlib.repr(10 ** 50), reprlib.repr(frozenset(range(20))), reprlib.repr(collections.deque(range(20))))


class Tree:
    def __init__(self, *kids):
        self.kids = list(kids)

    @reprlib.recursive_repr("<...>")
    def __repr__(self):
        return f"Tree({', '.join(map(repr, self.kids))})"


t = Tree(Tree(), Tree(Tree()))
t.kids.append(t)
print(repr(t))


class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime.date, datetime.datetime)):
            return {"__date__": o.isoformat()}
        if isinstance(o, (set, frozenset)):
            return {"__set__": sorted(o)}
        if dataclasses.is_dataclass(o):
            return {"__server__": dataclasses.asdict(o)}
        if isinstance(o, bytes):
            return o.hex()
        return super().default(o)


def hook(d):
    if "__date__" in d:
        return datetime.date.fromisoformat(d["__date__"])
    if "__set__" in d:
        return set(d["__set__"])
    if "__server__" in d:
        return Server(**d["__server__"])
    return d


small = {k: big[k] for k in ("servers", "set", "fs", "date", "tuple", "bytes", "float", "counter", "odict")}
text = json.dumps(small, cls=Enc, indent=1, sort_keys=True)
print(text[:400])
back = json.loads(text, object_hook=hook)
print(back["servers"][1], back["set"], back["date"], back["tuple"], back["float"])
print(json.dumps({"a": [1, {"b": None}]}, indent="\t"), json.dumps([1, 2], indent=0), json.dumps({}, indent=2), json.dumps([[]], indent=2))
print(json.loads('{"a": 1.5e3, "b": [true, false, null], "c": "\\u00e9\\n", "d": -0, "e": 1E400}', parse_float=str, parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity, -Infinity]'), json.loads('"\\ud83d\\ude00"'), json.loads(' {"dup": 1, "dup": 2} '),
      json.loads('[1, 2]', object_pairs_hook=None), json.loads('{"x": 1, "y": 2}', object_pairs_hook=list))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing', 0), dec.raw_decode('   [1]', 3))
for bad in ['{"a": 1,}', "[1, 2", "{'a': 1}", '{"a" 1}', "tru", '"unterminated', "[1] [2]", "", '{"a": 01}', '"\\x"', "\x00"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print("JSONDecodeError:", e.msg, "|", e.pos, e.lineno, e.colno)
for bad in [lambda: json.dumps({(1, 2): 3}), lambda: json.dumps(object()), lambda: json.dumps(float("nan"), allow_nan=False), lambda: json.dumps(rec)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(json.dumps({"b": 1, "a": [1.0, 2.5]}, separators=(",", ":"), sort_keys=True), json.dumps("é☃😀"), json.dumps("é", ensure_ascii=False),
      json.dumps({1: "int", True: "bool", None: "none", 1.5: "float"}), json.dumps({"x": 1}, skipkeys=True, default=str))
buf = io.StringIO()
json.dump([{"k": i} for i in range(3)], buf, indent=None)
print(buf.getvalue(), json.load(io.StringIO(buf.getvalue())))

c1 = copy.copy(servers[0])
c2 = copy.deepcopy(servers[0])
c1.tags.append("shallow")
print(servers[0].tags, c2.tags, c2.meta is servers[0].meta, c2 == servers[0])
memo_check = [servers[0], servers[0]]
dc = copy.deepcopy(memo_check)
print(dc[0] is dc[1], copy.deepcopy(rec)[2][2] is not rec)


class Special:
    def __init__(self, v):
        self.v = v
        self.cache = {"heavy": list(range(3))}

    def __copy__(self):
        print("  __copy__ called")
        new = Special.__new__(Special)
        new.v = self.v
        new.cache = {}
        return new

    def __deepcopy__(self, memo):
        print("  __deepcopy__ called", len(memo) >= 0)
        return Special(copy.deepcopy(self.v, memo))


s = Special([1, [2]])
s2 = copy.copy(s)
s3 = copy.deepcopy(s)
print(s2.cache, s3.v == s.v, s3.v is s.v)
print(copy.replace(servers[1], port=1) if sys.version_info >= (3, 13) and hasattr(copy, "replace") and False else "")
