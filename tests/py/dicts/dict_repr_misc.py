print(repr({}), repr({"a": [1, {"b": None}]}), str({1: "x"}), repr({"q": "it's"}))
print(dict.__name__, type({}).__name__, {}.__class__ is dict, len({i: i for i in range(100)}))
print({1: 2}.__len__(), {1: 2}.__contains__(1), {1: 2}.__getitem__(1), dict.get({"a": 1}, "a"))
d = {"x": 1}
print(d.keys().__class__.__name__, sorted(dir(d.items()))[:1] != [], iter(d).__class__.__name__)
