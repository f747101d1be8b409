# json used as a config/storage format: indent, sort_keys, separators,
# default=, object_hook/object_pairs_hook, parse_float, and error positions.
import json
from decimal import Decimal
from datetime import date, datetime
from collections import OrderedDict
from dataclasses import dataclass, asdict
import enum


class Color(enum.Enum):
    RED = "red"
    BLUE = "blue"


@dataclass
class Item:
    name: str
    price: Decimal
    added: date
    color: Color
    tags: tuple = ()


def default(o):
    if isinstance(o, Decimal):
        return str(o)
    if isinstance(o, (date, datetime)):
        return o.isoformat()
    if isinstance(o, Color):
        return o.value
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


items = [Item("pen", Decimal("1.20"), date(2023, 5, 1), Color.RED, ("a", "b")),
         Item("ink", Decimal("7"), date(2024, 2, 29), Color.BLUE)]
doc = {"version": 2, "items": [asdict(i) for i in items], "flags": {"z", "a"},
       "ratio": 0.1 + 0.2, "big": 10**20, "neg": -0.0, "uni": "caf\u00e9 \u2603"}
s = json.dumps(doc, default=default, indent=2, sort_keys=True)
print(s)
print(json.dumps(doc, default=default, separators=(",", ":"), ensure_ascii=False, sort_keys=True))

try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d"}))
print(json.dumps({"b": 1, "a": 2}, skipkeys=True, sort_keys=True))
print(json.dumps([float("inf"), float("nan")]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)

# circular reference
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError:", e)


def hook(d):
    if "added" in d:
        d["added"] = date.fromisoformat(d["added"])
    return d


back = json.loads(s, object_hook=hook, parse_float=Decimal)
print(back["items"][0]["added"], repr(back["ratio"]), back["big"])
pairs = json.loads('{"b": 1, "a": 2, "b": 3}', object_pairs_hook=lambda p: p)
print(pairs)
od = json.loads('{"b": 1, "a": 2}', object_pairs_hook=OrderedDict)
print(od)
print(json.loads('[1, 2.0, "3", null, true, -1e3]', parse_int=str))
print(json.loads('"\\ud83d\\ude00 \\u00e9"'))
print(json.loads("NaN"), json.loads("-Infinity"))

bad = ['{"a": 1,}', '[1, 2', '{"a" 1}', '', '  ', '"abc', '[1] x',
       '{1: 2}', '\n\n  {"x": tru}', '"\\x"', '[01]', '{"a": "\t"}']
for b in bad:
    try:
        json.loads(b)
    except json.JSONDecodeError as e:
        print(repr(b), "->", e.msg, e.pos, e.lineno, e.colno, "|", e)

dec = json.JSONDecoder()
obj, end = dec.raw_decode('{"a": [1, 2]} trailing')
print(obj, end)
enc = json.JSONEncoder(indent="\t", sort_keys=True)
print(enc.encode({"k": [1, {"z": None}]}))
print(list(json.JSONEncoder().iterencode({"a": [1, 2]})))


class MyEnc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return {"re": o.real, "im": o.imag}
        return super().default(o)


print(json.dumps([1j, 2 + 3j], cls=MyEnc))
try:
    json.dumps(b"bytes", cls=MyEnc)
except TypeError as e:
    print("TypeError:", e)
print(json.dumps("\x00\x1f\x7f\u2028"), json.dumps("\x00", ensure_ascii=False))
