# JSON round-trip of nested structures with custom default/object_hook and encoders.
import json
from dataclasses import dataclass, asdict, is_dataclass
from enum import Enum
from fractions import Fraction
import io


class Color(Enum):
    RED = "red"
    GREEN = "green"


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Shape:
    name: str
    points: list
    color: Color
    meta: dict


def default(o):
    if is_dataclass(o):
        return {"__type__": type(o).__name__, **{k: getattr(o, k) for k in o.__dataclass_fields__}}
    if isinstance(o, Enum):
        return {"__enum__": f"{type(o).__name__}.{o.name}"}
    if isinstance(o, (set, frozenset)):
        return {"__set__": sorted(o)}
    if isinstance(o, Fraction):
        return {"__frac__": [o.numerator, o.denominator]}
    if isinstance(o, complex):
        return {"__complex__": [o.real, o.imag]}
    raise TypeError(f"Object of type {type(o).__name__} is not JSON serializable")


TYPES = {"Point": Point, "Shape": Shape}
ENUMS = {"Color": Color}


def hook(d):
    if "__type__" in d:
        cls = TYPES[d.pop("__type__")]
        return cls(**d)
    if "__enum__" in d:
        cname, member = d["__enum__"].split(".")
        return ENUMS[cname][member]
    if "__set__" in d:
        return set(d["__set__"])
    if "__frac__" in d:
        return Fraction(*d["__frac__"])
    if "__complex__" in d:
        return complex(*d["__complex__"])
    return d


shape = Shape("tri", [Point(0, 0), Point(1.5, 0), Point(0, 2)], Color.RED,
              {"tags": {30, 1, 2}, "ratio": Fraction(3, 4), "z": 1 + 2j, "nested": [[], {}, [None, True]]})
text = json.dumps(shape, default=default, sort_keys=True)
print(text)
back = json.loads(text, object_hook=hook)
print(back)
print(back == shape, back.points[1], back.meta["ratio"] + 1, back.color is Color.RED)

print(json.dumps({"b": [1, 2, {"c": None}], "a": "x"}, indent=2, sort_keys=True))
print(json.dumps([1, [2, [3]]], indent="\t"))
print(json.dumps({"k": 1, "l": [1, 2]}, separators=(",", ":")))
print(json.dumps("héllo \u2603 \n\t\"q\" \\", ensure_ascii=True), json.dumps("héllo \u2603", ensure_ascii=False))
print(json.dumps([float("inf"), float("-inf"), float("nan"), 1e100, 0.1, -0.0, 10**20]))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps({"x": object()})
except TypeError as e:
    print("TypeError:", str(e).split(" at ")[0])
print(json.dumps({1: "int", 2.5: "float", True: "bool", None: "none"}))
try:
    json.dumps({(1, 2): 1})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 1, "ok": 2}, skipkeys=True))

class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return [o.x, o.y]
        return super().default(o)
print(Enc(indent=None).encode({"p": Point(1, 2), "t": (1, 2)}))
print(''.join(Enc().iterencode([1, {"a": Point(3, 4)}])))

# object_pairs_hook keeps order and duplicate keys
pairs = json.loads('{"z": 1, "a": 2, "z": 3}', object_pairs_hook=list)
print(pairs, json.loads('{"z": 1, "a": 2, "z": 3}'))
print(json.loads("[1.5, 2, 1e3]", parse_float=Fraction, parse_int=lambda s: int(s) * 10))
print(json.loads('{"a": NaN, "b": Infinity, "c": -Infinity}'))
print(json.loads('"\\u00e9\\ud83d\\ude00 \\n"'), json.loads(' [ true , false , null ] '))
print(json.loads(json.dumps(list(range(5)))) == list(range(5)))

for bad in ('{"a": 1 2}', "[1, 2", '{"a" 1}', "nul", '"abc', "[1] x", "", '{"a":1}}', "01"):
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(f"{bad!r:>12} -> {e.msg} (line {e.lineno} col {e.colno} pos {e.pos})")

buf = io.StringIO()
json.dump({"stream": [1, 2, 3]}, buf)
buf.seek(0)
print(json.load(buf))
dec = json.JSONDecoder()
print(dec.raw_decode('{"a": 1} trailing'), dec.decode(" 42 "))

# deeply nested round trip
deep = current = {}
for i in range(50):
    current["n"] = {"i": i}
    current = current["n"]
s = json.dumps(deep)
print(len(s), json.loads(s)["n"]["n"]["n"]["i"], s.count("{"))
data = {"users": [{"id": i, "name": f"u{i}", "roles": ["admin"] * (i % 2), "score": i * 1.25} for i in range(4)]}
rt = json.loads(json.dumps(data))
print(rt == data, [u["score"] for u in rt["users"]], asdict(Point(1, 2)))
