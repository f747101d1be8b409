# OrderedDict's views are CPython's builtins odict_keys/odict_items/
# odict_values: their repr lists the items in order.
import collections


class LRU(collections.OrderedDict):
    pass


od = collections.OrderedDict([("b", 2), ("a", [1])])
od.move_to_end("b")
print(od.keys(), od.values(), od.items())
print(repr(LRU(x=1).keys()), collections.OrderedDict().items(), str(od.values()))
print(type(od.keys()).__name__, type(od.items()).__name__, type(od.values()).__name__)
print(f"{od.keys()!r:>30}|", [list(reversed(v)) for v in (od.keys(), od.values(), od.items())])
print(od.keys() == {"a", "b"}, od.keys() & {"a", "z"}, len(od.items()), ("b", 2) in od.items())
