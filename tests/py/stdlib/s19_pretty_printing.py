# Debug-dump helpers: pprint of nested application state (dataclasses,
# collections, long strings/bytes), reprlib.Repr subclasses, and a custom
# string.Formatter used for templated log lines.
import pprint
import reprlib
import string
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap, namedtuple
from dataclasses import dataclass, field
from types import SimpleNamespace


@dataclass
class Job:
    name: str
    args: list = field(default_factory=list)
    env: dict = field(default_factory=dict)
    retries: int = 0


@dataclass
class Pipeline:
    title: str
    jobs: list
    tags: frozenset = frozenset()


pipe = Pipeline("nightly build with a rather long title for wrapping", [
    Job("checkout", ["--depth", "1", "https://example.com/repo.git"], {"GIT_TERMINAL_PROMPT": "0"}),
    Job("compile", ["-j8", "--target", "all"] * 3, {"CC": "gcc", "CFLAGS": "-O2 -g -Wall -Wextra"}, 2),
    Job("test"),
], frozenset({"ci"}))
pprint.pprint(pipe)
pprint.pprint(pipe, width=120)
pprint.pprint(pipe, depth=2)
state = {
    "od": OrderedDict([("z", 1), ("a", [1, 2, 3])]),
    "dd": defaultdict(list, {"k": ["v" * 30, "w" * 30]}),
    "counter": Counter("mississippi"),
    "dq": deque(range(30), maxlen=40),
    "chain": ChainMap({"a": 1}, {"b": 2}),
    "ns": SimpleNamespace(alpha=1, beta=[1, 2, 3] * 8),
    "nt": namedtuple("Pt", "x y")(1, 2),
    "long_str": "lorem ipsum dolor sit amet " * 6,
    "long_bytes": b"\x00\x01binary payload " * 6,
    "set": set(range(25)),
    "nested": [[[[["deep"]]]]],
    "mixed": {(1, 2): "tuple key", 3: "int key", "s": "str key"},
}
pprint.pprint(state, width=70)
pprint.pprint(state["nested"], depth=3)
print(pprint.pformat(list(range(100)), compact=True, width=60))
print(pprint.pformat({"b": 1, "a": {"d": 4, "c": 3}}, sort_dicts=False, width=10))
pp = pprint.PrettyPrinter(indent=4, width=50, underscore_numbers=True)
pp.pprint({"big": 12345678901234, "f": 1234567.5, "list": [10**9] * 4})
rec = [1, 2]
rec.append(rec)
d = {"self": None}
d["self"] = d
import re
print(re.sub(r"id=\d+", "id=N", " ".join([pprint.pformat(rec), pprint.pformat(d), str(pprint.isrecursive(rec)), pprint.saferepr(d)])))


class MyRepr(reprlib.Repr):
    def repr_Job(self, obj, level):
        return f"<Job {obj.name}>"

    def repr_str(self, obj, level):
        s = super().repr_str(obj, level)
        return s.upper()


r = MyRepr()
r.maxlist = 4
r.maxdict = 2
r.maxstring = 20
r.maxlevel = 2
r.maxlong = 12
r.maxother = 15
print(r.repr(pipe.jobs), r.repr("a very long string value here"), r.repr({"a": 1, "b": 2, "c": 3}))
print(r.repr([[[[1]]]]), r.repr(10 ** 40), r.repr(Pipeline), r.repr(frozenset(range(10))), r.repr(deque(range(10))))
print(r.repr(array := __import__("array").array("i", range(10))), reprlib.aRepr.maxlist, reprlib.repr(b"x" * 100))


class LogFormatter(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return f"<{key}?>"
        return super().get_value(key, args, kwargs)

    def format_field(self, value, spec):
        if spec == "upper":
            return str(value).upper()
        if spec.endswith("$"):
            return f"${format(value, spec[:-1])}"
        return super().format_field(value, spec)

    def convert_field(self, value, conversion):
        if conversion == "l":
            return str(value).lower()
        return super().convert_field(value, conversion)

    def check_unused_args(self, used, args, kwargs):
        unused = set(kwargs) - set(k for k in used if isinstance(k, str))
        if unused:
            raise ValueError(f"unused: {sorted(unused)}")


f = LogFormatter()
print(f.format("{level:upper} {user!l} {missing} {amount:,.2f$} {0[1]} {job.name}", ["a", "b"], level="warn",
               user="ANN", amount=1234.5, job=pipe.jobs[0]))
try:
    f.format("{a}", a=1, b=2)
except ValueError as e:
    print("ValueError:", e)
print(list(f.parse("x{0!r:>{w}}y{{z}}")), f.vformat("{0}-{k}", ("p",), {"k": "q"}))
for bad in ["{", "}", "{0!x}", "{:{:{}}}"]:
    try:
        string.Formatter().format(bad, 1, 2, 3)
    except (ValueError, IndexError) as e:
        print(repr(bad), type(e).__name__, e)
