import heapq, json, re, math, itertools
from dataclasses import dataclass, field
from typing import Any

class ValidationError(Exception):
    def __init__(self, path, msg):
        super().__init__(f"{'/'.join(map(str, path)) or '<root>'}: {msg}")
        self.path, self.msg = path, msg

TYPES = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "object": dict, "array": list, "null": type(None)}

def validate(inst, schema, path=()):
    errors = []
    t = schema.get("type")
    if t:
        types = t if isinstance(t, list) else [t]
        ok = any(isinstance(inst, TYPES[x]) and not (x in ("integer", "number") and isinstance(inst, bool)) for x in types)
        if not ok:
            return [ValidationError(path, f"{inst!r} is not of type {', '.join(map(repr, types))}")]
    if "enum" in schema and inst not in schema["enum"]:
        errors.append(ValidationError(path, f"{inst!r} is not one of {schema['enum']!r}"))
    if isinstance(inst, str):
        if len(inst) < schema.get("minLength", 0):
            errors.append(ValidationError(path, f"{inst!r} is too short"))
        if "pattern" in schema and not re.search(schema["pattern"], inst):
            errors.append(ValidationError(path, f"{inst!r} does not match {schema['pattern']!r}"))
    if isinstance(inst, (int, float)) and not isinstance(inst, bool):
        if "minimum" in schema and inst < schema["minimum"]:
            errors.append(ValidationError(path, f"{inst!r} is less than the minimum of {schema['minimum']!r}"))
        if "maximum" in schema and inst > schema["maximum"]:
            errors.append(ValidationError(path, f"{inst!r} is greater than the maximum of {schema['maximum']!r}"))
        if "multipleOf" in schema and not math.isclose(inst / schema["multipleOf"], round(inst / schema["multipleOf"])):
            errors.append(ValidationError(path, f"{inst!r} is not a multiple of {schema['multipleOf']}"))
    if isinstance(inst, dict):
        for req in schema.get("required", []):
            if req not in inst:
                errors.append(ValidationError(path, f"{req!r} is a required property"))
        props = schema.get("properties", {})
        for k, v in inst.items():
            if k in props:
                errors.extend(validate(v, props[k], path + (k,)))
            elif schema.get("additionalProperties") is False:
                errors.append(ValidationError(path, f"Additional properties are not allowed ({k!r} was unexpected)"))
    if isinstance(inst, list):
        if "items" in schema:
            for i, v in enumerate(inst):
                errors.extend(validate(v, schema["items"], path + (i,)))
        if schema.get("uniqueItems") and len(set(map(json.dumps, inst))) != len(inst):
            errors.append(ValidationError(path, f"{inst!r} has non-unique elements"))
        if len(inst) > schema.get("maxItems", math.inf):
            errors.append(ValidationError(path, f"{inst!r} is too long"))
    for sub in schema.get("anyOf", []) and [schema["anyOf"]]:
        if all(validate(inst, s, path) for s in sub):
            errors.append(ValidationError(path, f"{inst!r} is not valid under any of the given schemas"))
    return errors

SCHEMA = {
    "type": "object", "required": ["name", "age", "tags", "address"], "additionalProperties": False,
    "properties": {
        "name": {"type": "string", "minLength": 2, "pattern": "^[A-Z]"},
        "age": {"type": "integer", "minimum": 0, "maximum": 150},
        "score": {"type": ["number", "null"], "multipleOf": 0.5},
        "tags": {"type": "array", "items": {"type": "string", "enum": ["a", "b", "c"]}, "uniqueItems": True, "maxItems": 3},
        "address": {"type": "object", "required": ["zip"], "properties": {"zip": {"type": "string", "pattern": r"^\d{5}$"},
                    "geo": {"type": "array", "items": {"type": "number"}}}},
        "contact": {"anyOf": [{"type": "string", "pattern": "@"}, {"type": "integer"}]},
    },
}
DOCS = [
    '{"name": "Ann", "age": 30, "tags": ["a"], "address": {"zip": "12345"}, "score": 4.5, "contact": "a@b"}',
    '{"name": "b", "age": -1, "tags": ["a", "a", "z", "b"], "address": {"zip": "12a45", "geo": [1, "x", true]}, "score": 0.3, "extra": 1, "contact": 2.5}',
    '{"name": 5, "age": true, "tags": "a", "address": []}',
    '{}',
    '[1, 2]',
]
for d in DOCS:
    inst = json.loads(d)
    errs = validate(inst, SCHEMA)
    print("VALID" if not errs else f"{len(errs)} errors")
    for e in sorted(errs, key=lambda e: (len(e.path), str(e))):
        print("  ", e)

@dataclass(order=True)
class Entry:
    dist: float
    node: str = field(compare=False)
    path: list = field(default_factory=list, compare=False, repr=False)

GRAPH = {"A": {"B": 4, "C": 2}, "B": {"C": 5, "D": 10}, "C": {"E": 3}, "D": {"F": 11}, "E": {"D": 4}, "F": {}, "G": {"A": 1}}

def dijkstra(graph, src):
    dist = {src: 0}
    heap = [Entry(0, src, [src])]
    order = []
    while heap:
        e = heapq.heappop(heap)
        if e.dist > dist.get(e.node, math.inf):
            continue
        order.append(e)
        for nb, w in graph[e.node].items():
            nd = e.dist + w
            if nd < dist.get(nb, math.inf):
                dist[nb] = nd
                heapq.heappush(heap, Entry(nd, nb, e.path + [nb]))
    return dist, order
dist, order = dijkstra(GRAPH, "A")
print(dist)
for e in order:
    print(e, "->".join(e.path))
print(Entry(1, "x") < Entry(2, "a"), Entry(1, "x") == Entry(1, "y"), sorted([Entry(3, "c"), Entry(1, "a"), Entry(2, "b")]))
try:
    Entry(1, "x") < 5
except TypeError as e:
    print("TE", e)
h = []
for i, w in enumerate([5, 1, 4, 1, 5, 9, 2, 6]):
    heapq.heappush(h, (w, i))
print(heapq.nsmallest(3, h), heapq.nlargest(2, h, key=lambda t: t[1]), [heapq.heappop(h) for _ in range(3)])
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0], key=None)), list(heapq.merge(["b", "C"], ["a", "D"], key=str.lower)))
print(heapq.heappushpop([1, 2], 0), heapq.heapreplace([1, 5], 9))

people = [("ann", 30, "x"), ("bob", 25, "y"), ("cat", 30, "z"), ("dan", 25, "w"), ("eve", 35, "v")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(sorted(people, key=lambda p: p[2]), key=lambda p: -p[1]))
print(sorted(people, key=lambda p: (p[1], p[0]), reverse=True))
print(sorted(["b", "A", "a", "B", "_"], key=str.casefold), sorted(["b10", "b9", "a100"], key=lambda s: (s[0], int(s[1:]))))
import functools, operator, locale
print(sorted([3, 1, 2], key=functools.cmp_to_key(lambda a, b: (a > b) - (a < b))), sorted(people, key=operator.itemgetter(1, 0))[:2])
data = [{"k": 2, "v": "a"}, {"k": 1, "v": "b"}, {"k": 2, "v": "c"}]
data.sort(key=operator.itemgetter("k"))
print(data, [k for k, _ in itertools.groupby(sorted("mississippi"))])
try:
    sorted([1, "a"])
except TypeError as e:
    print("TE", e)
try:
    [3, 1].sort(key=lambda x: None)
except TypeError as e:
    print("TE", e)
