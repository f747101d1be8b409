# str.format reads a replacement field as CPython's parse_field does: the
# name up to '!', ':' or '}', one conversion character, then a spec with
# nested braces; only a spec holding a field is expanded (two levels).
fields = ['{0!}', '{!}', '{0!r', '{0!', '{!', '{0!rr}', '{0!r:', '{0!}}', '{!:}', '{0!:x}', '{a!}', '{0',
          '{a{b}', '{0[}]}', '{0[a}', '{0:{1}', '{0:{1}}}', '{:{:{}}}', '{0.}', '{0[]}', '{}}',
          'a{0:>{w}}b{1!r:^5}c', '{0[x:y]!s:3}', '{0[', '{0]', '{a.b.c}', '{0:}}}', '{0:}}', '{0:{{}}}',
          '{:{}}', '{0:{1}{1}}', '{0:x}}', '{0:>{1}.{1}}']
for f in fields:
    try:
        print(f, repr(f.format('xyzzy', 5, a='A', w=3, **{'0[': 1})))
    except Exception as e:
        print(f, type(e).__name__, e)
for c in ["pow(1, 2, 3.0)", "pow(1, [], 3.0)", "pow(1, 2, 'x')", "pow(1.0, 2, 3)", "sum()", "sum(start=1)",
          "bytearray(1, 2)", "bytearray('a', 'utf-8', 3)", "bytearray(1, 'utf-8')", "float.fromhex(1)"]:
    try:
        print(c, eval(c))
    except Exception as e:
        print(c, type(e).__name__, e)
