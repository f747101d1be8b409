# The compiler's and tokenizer's warnings (3.11 categories): issued while
# compiling, through the warnings module, so filters apply; a filter that
# raises turns them into SyntaxErrors at the offending code.
import warnings

print("start")


def literal_checks(x, y):
    assert (x, "assertion is a tuple")
    a = [1, 2] [0, 1]
    b = "abc"["x"]
    c = (1, 2)(3)
    d = {1}[0]
    e = f"{x}"()
    g = [x for x in y][1:2]  # a slice: fine
    h = [1, 2][-1]           # a signed number: fine
    return x is not () and 1 is None and x is -1 and x is ... and (not 0) is True


SOURCES = [
    'x = "\\d"',
    'x = 1if 2 else 3',
    'x = 0x1for x in y',
    'x = "\\777"',
    'x = b"\\q"',
    'x is "a"',
    'x is not 1.5',
    'x == 1 is 2',
    'x = (1, 2)[1, 2]',
    'x = None[0]',
    'x = (i for i in y)[0]',
    'x = [1]["a"]',
    'x = {}()',
    'assert (1, 2)',
    'if x is True or x is None or x is ...: pass',
]

for src in SOURCES:
    for action in ["always", "error"]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter(action)
            try:
                compile(src, "strsrc", "exec")
                print(action, repr(src),
                      [(str(m.message), m.category.__name__, m.filename, m.lineno) for m in caught])
            except SyntaxError as e:
                print(action, repr(src), "SyntaxError:", e.msg, e.lineno, e.offset,
                      e.end_lineno, e.end_offset, repr(e.text))

# Only a filter that raises something else lets that exception through.
class Stop(Exception):
    pass


def raiser(*args, **kwargs):
    raise Stop("from showwarning")


with warnings.catch_warnings():
    warnings.simplefilter("always")
    warnings.showwarning = raiser
    try:
        compile("x is 1", "s", "exec")
    except Stop as e:
        print("Stop:", e)

# Tokenizer errors keep the line without its newline, as CPython's.
for src in ["x = 5abc\n", "x = (1,\n2,\n", "x = [1, 2\n", "y = ']\n", "x = 0b12\n",
            "(1,\n2]\n", "if 1:\n  x\n y\n", "x = 5 \\ 3\n"]:
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))
print("end")
