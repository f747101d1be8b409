# Tooling-style code: tomllib config, ast parsing/unparsing/literal_eval
# and NodeVisitor/NodeTransformer, tokenize, keyword, graphlib.
import ast
import io
import keyword
import token
import tokenize
import tomllib
import graphlib

TOML = b'''
title = "Example"
version = 2
ratio = 0.5
enabled = true
created = 1979-05-27T07:32:00-08:00
day = 2024-02-29
alarm = 07:30:00
tags = ["a", "b", { inline = 1 }]
multi = """
line one
line two"""
literal = 'C:\\path\\no-escape'

[owner]
name = "Tom"
"quoted key" = 1
nested.deep.value = 42

[[servers]]
name = "alpha"
ports = [8000, 8001]

[[servers]]
name = "beta"
ports = []
hex = 0xff
oct = 0o17
bin = 0b101
big = 1_000_000
inf = inf
'''
cfg = tomllib.loads(TOML.decode())
for k, v in cfg.items():
    print(k, repr(v))
with io.BytesIO(TOML) as f:
    print(tomllib.load(f) == cfg)
for bad in ['a = 1\na = 2', 'x = [1, 2', 'k = "unterminated', '[t]\n[t]', 'v = 1979-13-01', 'x = 1 2', '= 1']:
    try:
        tomllib.loads(bad)
    except tomllib.TOMLDecodeError as e:
        print("TOMLDecodeError:", e)
print(tomllib.loads("x = 1.5", parse_float=str))

SRC = '''
import os
from math import sqrt as root

CONST = 10

def area(r, *, pi=3.14159):
    """Circle area."""
    return pi * r ** 2 if r > 0 else 0

class Shape(object):
    sides: int = 0
    def describe(self):
        return f"{self.__class__.__name__} with {self.sides} sides"

result = [area(x) for x in range(3) if x % 2 == 0]
lam = lambda a, b=2: a + b
'''
tree = ast.parse(SRC)
print([type(n).__name__ for n in tree.body])
fn = tree.body[3]
print(fn.name, [a.arg for a in fn.args.args], [a.arg for a in fn.args.kwonlyargs], ast.get_docstring(fn), fn.lineno, fn.end_lineno)
print(ast.dump(ast.parse("x = a + 1 * b", mode="exec").body[0]))
print(ast.dump(ast.parse("f(x, *y, k=1)", mode="eval"), indent=1))
print(ast.unparse(tree))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.names = set()
        self.calls = []

    def visit_Name(self, node):
        self.names.add(node.id)

    def visit_Call(self, node):
        if isinstance(node.func, ast.Name):
            self.calls.append(node.func.id)
        self.generic_visit(node)


v = Names()
v.visit(tree)
print(sorted(v.names), v.calls)


class ConstFold(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.left, ast.Constant) and isinstance(node.right, ast.Constant):
            try:
                val = eval(compile(ast.Expression(node), "<fold>", "eval"))
            except Exception:
                return node
            return ast.copy_location(ast.Constant(val), node)
        return node


t2 = ConstFold().visit(ast.parse("y = 2 * 3 + x * (4 - 1) - 10 / 4"))
ast.fix_missing_locations(t2)
print(ast.unparse(t2))
ns = {"x": 2}
exec(compile(t2, "<t2>", "exec"), ns)
print(ns["y"])
print(ast.literal_eval("{'a': [1, 2.5, -3j, (True, None)], 'b': {1, 2}, 'c': b'x'}"))
for bad in ["__import__('os')", "1 +", "[x for x in y]", "a"]:
    try:
        ast.literal_eval(bad)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, str(e).split(" at 0x")[0][:60])
print([n.__class__.__name__ for n in ast.walk(ast.parse("a[1:2] = b.c"))])
print(ast.get_source_segment(SRC, tree.body[3].body[1]))
print(keyword.iskeyword("match"), keyword.issoftkeyword("match"), keyword.iskeyword("async"), len(keyword.kwlist) > 30,
      keyword.softkwlist)

code = "def f(a, b=1):\n    return a + b  # sum\nx = f'{1}' \n"
for tok in tokenize.generate_tokens(io.StringIO(code).readline):
    print(token.tok_name[tok.type], repr(tok.string), tok.start, tok.end)
toks = list(tokenize.tokenize(io.BytesIO(b"x = 1\n").readline))
print(toks[0].type == token.ENCODING, toks[0].string, tokenize.untokenize(toks).decode())
try:
    list(tokenize.generate_tokens(io.StringIO("x = (1,\n").readline))
except tokenize.TokenError as e:
    print("TokenError:", e)
print(token.EXACT_TOKEN_TYPES["**="] == token.DOUBLESTAREQUAL, token.ISTERMINAL(token.NAME))

deps = {"app": {"lib", "utils"}, "lib": {"core"}, "utils": {"core"}, "tests": {"app"}, "core": set()}
ts = graphlib.TopologicalSorter(deps)
print(list(ts.static_order()))
ts = graphlib.TopologicalSorter()
for node, pre in deps.items():
    ts.add(node, *sorted(pre))
ts.prepare()
rounds = []
while ts.is_active():
    ready = sorted(ts.get_ready())
    rounds.append(ready)
    ts.done(*ready)
print(rounds)
try:
    list(graphlib.TopologicalSorter({"a": {"b"}, "b": {"a"}}).static_order())
except graphlib.CycleError as e:
    print("CycleError:", e.args[0], sorted(e.args[1]))
