# 3.11 decodes a group of adjacent string literals once it is parsed, so a bad
# escape (a Windows path's '\U') is located at the token after the group.
srcs = [r"x = '\x4' + 1", r"x = '\N{foo}'", r"x = b'\x4'", r"x = ('a' '\x4'\n 'b')", r"x = '\U1234'", r"f(u'\N{x}', 2)", "x = '\\x4'", r"x = rb'\x4' + b'\x4'",
        r"x = f'{1}\x4'", r"x = '\777'", r"x = b'\777'", r"x = 'ok' '\u12'"]
for s in srcs:
    s = s.replace("\\n", "\n") if "(" in s and "\\n" in s else s
    try:
        compile(s, "<test>", "exec")
        print(repr(s), "-> OK")
    except SyntaxError as e:
        print(repr(s), "->", type(e).__name__, e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
for s in ['path = "C:\\Users\\bob"\n', 'print("\\N{nope}", end="")\n']:
    try:
        compile(s, "<test>", "exec")
    except SyntaxError as e:
        print(repr(s), "->", e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset, repr(e.text))
