import json
cases = ['"\\u12"', '"ab\\uzzzz"', '"\\ud800\\u12"', '"\\x"', '"a\x01"', '"abc', '"abc\\', '"\\ud800\\udc00"', '"\\ud800x"', '[1,]', '{"a" 1}', '{1:2}', '[1 2]', '{"a":1,}', '-', '01', '1.', '1e', '-Infinity', 'NaN', '[' * 5, '{"a":', ' ', '"\\u00e9\\t"', '1.5e3', '-0', '[1.0E+2, 2e-3]', 'nul', 'truex']
for s in cases:
    try: print(repr(s), repr(json.loads(s)))
    except Exception as e: print(repr(s), type(e).__name__, e)
from json.decoder import scanstring
print(scanstring('"abc"', 1), scanstring('x"a\\nb"', 2))
for a in [("abc", 5), ("abc", -1), ("abc", 3)]:
    try: print(scanstring(*a))
    except Exception as e: print(type(e).__name__, e)
print(json.dumps([1, 2.5, "é\x7f\x00", None, True, {"b": 1, "a": [1, {}]}, (), float("inf")]))
print(json.dumps({"b": 1, "a": 2, 3: 4.5, None: 1, True: 2, 1.5: 3}, indent=2))
print(json.dumps({"b": 1, "a": 2}, sort_keys=True, indent="\t", separators=(",", "=")))
print(json.dumps("é𝄞", ensure_ascii=False), json.dumps("é𝄞"))
for bad in [{(1,): 2}, [float("nan")], object()]:
    try: print(json.dumps(bad, allow_nan=False))
    except Exception as e: print(type(e).__name__, e)
print(json.dumps({(1,): 2}, skipkeys=True))
l = []; l.append(l)
try: json.dumps(l)
except Exception as e: print(type(e).__name__, e)
try: json.dumps({1: 1, "a": 2}, sort_keys=True)
except Exception as e: print(type(e).__name__, e)
print(json.dumps(set([1]), default=list))
import enum
class E(enum.IntEnum):
    A = 1
class F(float): pass
print(json.dumps([E.A, F(2.5), {E.A: 1}]))
try: json.loads('[' * 100000)
except RecursionError as e: print("RecursionError", e)
d = {}
for i in range(5000): d = {"x": d}
try: json.dumps(d)
except RecursionError as e: print("RecursionError", e)
print(json.loads('{"a": 1, "a": 2}', object_pairs_hook=list), json.loads('{"a": [1]}', object_hook=lambda d: sorted(d)))
from decimal import Decimal
print(json.loads('[1.10, 2]', parse_float=Decimal, parse_int=str), json.loads('[NaN]', parse_constant=str))
print(json.loads('"a\tb"', strict=False))
try: json.loads('"a\tb"')
except Exception as e: print(type(e).__name__, e)
dec = json.JSONDecoder()
print(dec.raw_decode('  [1] x'[2:]), dec.scan_once('[1, "a"] tail', 0))
try: dec.scan_once('x', 0)
except StopIteration as e: print("StopIteration", e.value)
try: dec.scan_once('[x', 0)
except Exception as e: print(type(e).__name__, e)
# Subclasses, hooks and the pure-Python paths next to the native ones.
class L(list): pass
class D(dict):
    def items(self):
        return sorted(super().items(), reverse=True)
print(json.dumps(L([1, D(a=1, b=2)])), json.dumps(D(x=[])))
print(list(json.JSONEncoder(indent=1).iterencode({"a": [1, 2]})))
import io
buf = io.StringIO(); json.dump({"k": ["v", 1.5]}, buf, indent=3); print(buf.getvalue())
print(json.loads('  {"a": [true, false, null, -1.5e-3, 12345678901234567890123]}  '))
print(json.dumps(12345678901234567890123), json.dumps(-0.0), json.dumps(1e300), json.dumps(5e-324))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, complex):
            return [o.real, o.imag]
        return super().default(o)
print(json.dumps({"c": 1 + 2j}, cls=Enc))
print(json.dumps({"a": 1}, separators=(",", ":")), json.dumps([1, [2, [3]]], indent=0))
import _json
print(_json.encode_basestring_ascii("a\"\\\x1f\u2028"), _json.encode_basestring("a\"\u2028"))
for bad in [(1, 2), ("x", "y")]:
    try: _json.scanstring(*bad)
    except Exception as e: print(type(e).__name__, e)
try: _json.make_scanner(1)
except Exception as e: print(type(e).__name__, e)
print(type(_json.make_scanner(json.JSONDecoder())).__name__, _json.make_scanner.__module__)
