# Built-in types defined in modules are named with their module in the
# messages of common TypeErrors, as CPython prints their tp_name.
import collections, itertools, functools, operator, types, sys, time, io, array, random, struct
cases = [
 "hash(collections.deque())", "itertools.count()[0]", "len(itertools.count())",
 "functools.partial(print) + 1", "types.SimpleNamespace() < 1", "sys.flags + 1",
 "time.localtime(0) < 1", "io.StringIO() + 1", "array.array('i') < 1", "hash(collections.defaultdict())",
 "next(collections.deque())", "iter(functools.partial(print))", "collections.deque()()",
 "int(collections.deque())", "'a' + collections.deque()", "[1][collections.deque()]",
 "{}[collections.deque()]", "float(itertools.count())", "abs(io.BytesIO())", "-types.SimpleNamespace()",
 "len(iter(collections.deque()))", "sorted([collections.deque(), collections.deque()])",
 "time.struct_time(1)", "sum([collections.deque()])", "divmod(itertools.repeat(1), 2)",
]
for c in cases:
    try:
        eval(c)
        print(c, "-> ok")
    except Exception as e:
        print(c, "->", type(e).__name__, e)
