import json
for bad in ["", "[1, 2", '{"a" 1}', "{'a': 1}", "[1,]" if False else "nul", '"unterminated', "1 2"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({"s": {1, 2}})
except TypeError as e:
    print(type(e).__name__, e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print(type(e).__name__, e)
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)
print(json.dumps({"s": {3, 1}}, cls=Enc), json.dumps({"x": 1j}, default=str))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads("1.5", parse_float=lambda s: "F" + s))
print(issubclass(json.JSONDecodeError, ValueError))
