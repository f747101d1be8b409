from harness import mine, eq, true, raises, host
json = mine('json')
mine('json.decoder')
mine('json.encoder')
import io

DOCS = ['', '{', '[1,]', '{"a" 1}', '[1 2]', 'nul', '"abc', '"\\x"', '{"a":1,}',
        '1 2', '[', '"\\ud800"', '-', '{1:2}', '"a\tb"', '[1,2', '"\\u12"', 'tru',
        '  ', '01', '-0', '1.5e3', '1E-2', '1.', '.5', '[1,\n2,\n]', '{"a":\n}',
        '"\\ud83d\\ude00"', '"\\ud83dx"', 'NaN', '-Infinity', '[Infinity]',
        '{"a": {"b": [1, 2, {"c": null}]}, "d": true, "e": false}',
        ' \n [ "x" , 1 ] \n', '"\\"\\\\\\/\\b\\f\\n\\r\\t"', '123456789012345678901234567890',
        '{"a":1,"a":2}', '[1,,2]', '{"a":1 "b":2}', '\ufeff[]', '"\u00e9"']
# Python 3.13 changed the trailing-comma messages; the host is older.
TRAILING = {'[1,]': ('Illegal trailing comma before end of array', 2),
            '{"a":1,}': ('Illegal trailing comma before end of object', 6),
            '[1,\n2,\n]': ('Illegal trailing comma before end of array', 5)}


def test_loads_against_host():
    code = ('import json\nout = []\nfor d in %r:\n'
            '    try:\n        out.append(("ok", repr(json.loads(d))))\n'
            '    except json.JSONDecodeError as e:\n'
            '        out.append(("err", e.msg, e.pos, e.lineno, e.colno, str(e)))\n'
            'print(repr(out))' % (DOCS,))
    expected = eval(host(code))
    for d, exp in zip(DOCS, expected):
        try:
            got = ('ok', repr(json.loads(d)))
        except json.JSONDecodeError as e:
            got = ('err', e.msg, e.pos, e.lineno, e.colno, str(e))
        if d in TRAILING:
            msg, pos = TRAILING[d]
            eq(got[:3], ('err', msg, pos), d)
            continue
        eq(got, exp, repr(d))


OBJS = [{'a': [1, 2.5, None, True, 'é\n\u2028\U0001f600'], 'b': {}}, [], {}, [[[]]],
        1e100, 1.0, -0.0, 10 ** 20, 0.1, 'x"y\\z\x01', [1.5e-7, 3.0e16],
        {1: 2, True: 3, None: 4, 2.5: 1, False: 0}, (1, 2), float('nan'), float('-inf')]


def test_dumps_against_host():
    variants = [dict(), dict(indent=2), dict(indent='\t', sort_keys=True),
                dict(ensure_ascii=False), dict(separators=(',', ':')),
                dict(indent=0)]
    code = ('import json\nout=[]\nfor o in %r:\n    for kw in %r:\n'
            '        try:\n            out.append(json.dumps(o, **kw))\n'
            '        except Exception as e:\n            out.append(type(e).__name__)\n'
            'print(repr(out))' % (OBJS, variants))
    code = code.replace('nan', "float('nan')").replace('-inf', "-float('inf')")
    expected = eval(host(code))
    got = []
    for o in OBJS:
        for kw in variants:
            try:
                got.append(json.dumps(o, **kw))
            except Exception as e:
                got.append(type(e).__name__)
    eq(len(got), len(expected))
    for i, (g, e) in enumerate(zip(got, expected)):
        eq(g, e, 'case %d' % i)


def test_errors_and_hooks():
    with raises(ValueError, 'Out of range float values are not JSON compliant'):
        json.dumps(float('inf'), allow_nan=False)
    with raises(TypeError, 'Object of type object is not JSON serializable'):
        json.dumps(object())
    with raises(TypeError, 'keys must be str, int, float, bool or None, not tuple'):
        json.dumps({(1, 2): 3})
    eq(json.dumps({(1, 2): 3, 'a': 1}, skipkeys=True), '{"a": 1}')
    l = []
    l.append(l)
    with raises(ValueError, 'Circular reference detected'):
        json.dumps(l)
    eq(json.dumps({'s': {1, 2}}, default=sorted), '{"s": [1, 2]}')

    class E(json.JSONEncoder):
        def default(self, o):
            if isinstance(o, complex):
                return [o.real, o.imag]
            return super().default(o)
    eq(json.dumps(1 + 2j, cls=E), '[1.0, 2.0]')
    eq(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), [('a', 1)])
    eq(json.loads('{"b": 1, "a": 2}', object_pairs_hook=list), [('b', 1), ('a', 2)])
    from decimal import Decimal
    eq(json.loads('[1.10]', parse_float=Decimal), [Decimal('1.10')])
    eq(json.loads('[7]', parse_int=str), ['7'])
    eq(json.loads('[NaN]', parse_constant=lambda c: c), ['NaN'])
    eq(json.loads(b'{"x": 1}'), {'x': 1})
    eq(json.loads('[1]'.encode('utf-16')), [1])
    eq(json.loads('"a\tb"', strict=False), 'a\tb')
    with raises(TypeError, 'the JSON object must be str, bytes or bytearray, not int'):
        json.loads(1)
    eq(json.JSONDecoder().raw_decode('[1] extra'), ([1], 3))
    buf = io.StringIO()
    json.dump({'k': [1, 2]}, buf, indent=1)
    eq(buf.getvalue(), '{\n "k": [\n  1,\n  2\n ]\n}')
    buf.seek(0)
    eq(json.load(buf), {'k': [1, 2]})
    e = json.JSONDecodeError('m', 'ab\ncd', 4)
    eq((e.lineno, e.colno, str(e)), (2, 2, 'm: line 2 column 2 (char 4)'))
    import pickle
    e2 = pickle.loads(pickle.dumps(e))
    eq(e2.pos, 4)
    try:
        json.dumps({'a': [1, object()]})
    except TypeError as exc:
        eq(exc.__notes__, ['when serializing list item 1', "when serializing dict item 'a'"])
