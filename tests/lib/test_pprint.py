from harness import mine, eq, true, raises, host
pprint = mine('pprint')

OBJS = r'''
import collections, types
rec = [1, 2]
rec.append(rec)
objs = [
    {'a': list(range(30)), 'b': {'c': 'x' * 50, 'd': (1, 2)}, 'e': 'short'},
    [list(range(12))] * 3,
    'y' * 100,
    'the quick brown fox jumps over the lazy dog ' * 4,
    {'z': 1, 'a': 2, 'm': {'q': [1, 2, 3], 'b': None}},
    (1,), (), [], {}, set(), {3, 1, 2}, frozenset(range(30)),
    tuple(range(40)),
    {i: str(i) * i for i in range(12)},
    [{'k': 'v' * 30, 'n': list(range(5))} for _ in range(3)],
    rec,
    collections.OrderedDict((str(i), i) for i in range(20)),
    collections.Counter('abracadabra' * 5),
    collections.deque(range(40)),
    collections.defaultdict(list, {i: [i] * 5 for i in range(8)}),
    types.SimpleNamespace(alpha=list(range(20)), beta='b' * 40),
    b'bytes' * 30,
    [1.5, 2.25, None, True, 10 ** 30],
]
'''


def _noid(s):
    out = []
    parts = s.split('id=')
    out.append(parts[0])
    for p in parts[1:]:
        k = 0
        while k < len(p) and p[k].isdigit():
            k += 1
        out.append('id=N' + p[k:])
    return ''.join(out)


def run(code):
    ns = {}
    exec(code, ns)
    return ns


def test_against_host():
    widths = [80, 40, 20]
    code = OBJS + ('import pprint\nout=[]\nfor o in objs:\n    for w in %r:\n'
                   '        out.append(pprint.pformat(o, width=w))\n'
                   '        out.append(pprint.pformat(o, width=w, compact=True, indent=2))\n'
                   '        out.append(pprint.pformat(o, width=w, sort_dicts=False, depth=2))\n'
                   'print(repr(out))' % (widths,))
    expected = eval(host(code))
    objs = run(OBJS)['objs']
    got = []
    for o in objs:
        for w in widths:
            got.append(pprint.pformat(o, width=w))
            got.append(pprint.pformat(o, width=w, compact=True, indent=2))
            got.append(pprint.pformat(o, width=w, sort_dicts=False, depth=2))
    eq(len(got), len(expected))
    got = [_noid(g) for g in got]
    expected = [_noid(e) for e in expected]
    bad = [i for i, (g, e) in enumerate(zip(got, expected)) if g != e]
    for i in bad[:3]:
        eq(got[i], expected[i], 'case %d' % i)


def test_helpers():
    r = [1]
    r.append(r)
    true(pprint.isrecursive(r))
    true(not pprint.isreadable(r))
    true(pprint.isreadable({'a': [1, 2]}))
    eq(pprint.saferepr({'b': 1, 'a': 2}), "{'a': 2, 'b': 1}")
    true(pprint.saferepr(r).startswith('[1, <Recursion on list with id='))
    eq(pprint.pformat(12345678, underscore_numbers=True), '12_345_678')
    import io
    buf = io.StringIO()
    pprint.pprint({'x': 1}, stream=buf)
    eq(buf.getvalue(), "{'x': 1}\n")
