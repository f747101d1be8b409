tree = {}
def insert(path, value):
    node = tree
    for p in path[:-1]:
        node = node.setdefault(p, {})
    node[path[-1]] = value
insert(["a", "b", "c"], 1)
insert(["a", "b", "d"], 2)
insert(["a", "e"], 3)
insert(["f"], 4)
print(tree)
def depth(d):
    return 1 + max((depth(v) for v in d.values() if isinstance(v, dict)), default=0)
print(depth(tree))
def flatten(d, prefix=""):
    out = {}
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.update(flatten(v, key + "."))
        else:
            out[key] = v
    return out
print(flatten(tree))
import json
print(json.dumps(tree, sort_keys=True))
