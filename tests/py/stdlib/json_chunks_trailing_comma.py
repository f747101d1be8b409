# json: the chunks iterencode()/dump() produce, 3.11's messages for trailing
# commas, and errors without "when serializing" notes.
import json, io, sys, traceback
enc = json.JSONEncoder(indent=1)
print(list(enc.iterencode({"a": [1, "x", None, [], {}, [2.5, True]], "b": {"c": False}})))
print(list(json.JSONEncoder().iterencode([1, {"k": [None]}, "s"])))
print(list(json.JSONEncoder(sort_keys=True, separators=(",", ":")).iterencode({"b": 1, "a": (2, 3)})))
print(list(json.JSONEncoder(skipkeys=True, indent=2).iterencode({(1,): 2})))
class Chunks(io.StringIO):
    def __init__(self):
        super().__init__()
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return super().write(s)
f = Chunks()
json.dump({"k": [1, 2, {"z": None}]}, f, indent="  ")
print(f.parts)
print(f.getvalue())
for b in ['{"a": 1,}', '[1,]', '[1, 2, ]', '{"a": 1, }', '[,]', '{,}']:
    try:
        json.loads(b)
    except json.JSONDecodeError as e:
        print(repr(b), e, e.pos)
class Obj:
    pass
for v in [{"a": [1, Obj()]}, [{"k": {1, 2}}], {"x": {(1, 2): 1}}]:
    try:
        json.dumps(v)
    except TypeError as e:
        print(type(e).__name__, e, getattr(e, "__notes__", None))
