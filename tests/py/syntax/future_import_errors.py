# The __future__ checks locate their errors by line and column only:
# end_offset stays None (a late import on a later line is the compiler's
# error and has one).
for s in ['from __future__ import nope', 'from __future__ import braces', 'x=1; from __future__ import annotations',
          'x=1\nfrom __future__ import annotations', '"doc"\nfrom __future__ import annotations, nope']:
    try:
        compile(s, "<t>", "exec")
        print(repr(s), "OK")
    except SyntaxError as e:
        print(repr(s), e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
