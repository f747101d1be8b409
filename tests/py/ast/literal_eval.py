# ast.literal_eval, including what it rejects.
import ast

for s in ["1", "-2.5", "1+2j", "'s'", "b'b'", "[1, (2, 3), {4: 'x'}]", "{1, 2}", "set()",
          "(1,)", "None", "True", "  {'a': [1, -1], 'b': ()}", "0x10", "1_000", "-(1)", "'''multi\nline'''",
          "[[]]", "{'nested': {'deep': [None, False]}}", "-0.0", "1e400", "'é'"]:
    v = ast.literal_eval(s)
    print(repr(s), '->', repr(v), type(v).__name__)

for s in ["a", "1 + a", "f(1)", "[x for x in y]", "{**a}", "1 if 2 else 3", "__import__('os')",
          "(1).real", "'a' * 3", "1 +", "lambda: 0", "{1: 2}[1]", "x.y", "--1", "2 - 1j - 1"]:
    try:
        print(repr(s), '->', repr(ast.literal_eval(s)))
    except (ValueError, SyntaxError, TypeError) as e:
        print(repr(s), type(e).__name__, str(e).split(':')[0])

# A node instead of a string.
print(ast.literal_eval(ast.parse("[1, 2]", mode="eval")))
print(ast.literal_eval(ast.Constant(7)))
