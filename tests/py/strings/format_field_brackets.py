# str.format: a bracketed key in a field name runs to its ']' whatever it
# holds ('}', ':', '!', '{'); brackets after ':' or '!' are ordinary text.
d = {'x': 1, ':': 2, '!': 3, 'a:b': 4, '{': 5, '}': 6, '}}': 7}
for s in ['{0[}]}', '{0[:]}', '{0[!]}', '{0[a:b]}', '{0[{]}', '{0[}}]}', '{0[x]!r:{1}}',
          '{0[x]:>{1}}', '{0[x]:[}', '{0[}', '{0[x}', '{0[x:}', '{0[x!r}', '{0[:}', '{0[!r}',
          '{0[x]y}', '{0[]}', '{0.}', '{[0]}']:
    try:
        print(repr(s), repr(s.format(d, 5)))
    except Exception as e:
        print(repr(s), type(e).__name__, e)
print('{0[x]}{1[0]}'.format(d, 'ab'), '{a[}]}'.format_map({'a': d}))
