import json
data = {"name": "ftpy", "version": [3, 14], "free": True, "gil": None, "ratio": 0.5, "nested": {"a": [1, {"b": "c"}]}, "uni": "é☃"}
s = json.dumps(data)
print(s)
print(json.loads(s) == data)
print(json.dumps(data, sort_keys=True, indent=2))
print(json.dumps(data["uni"], ensure_ascii=False), json.dumps([1, 2], separators=(",", ":")), json.dumps("a\"b\n"))
print(json.loads('[1, 2.5, "x", true, false, null, {"k": []}]'), json.loads("  3  "), json.loads('"\\u00e9"'))
print(json.dumps(float("inf")), json.dumps({1: "int key", True: "bool key"}), json.dumps((1, 2)), json.dumps(10 ** 30))
