# NodeVisitor, NodeTransformer, compile() of (transformed) trees and exec.
import ast
import re


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
        self.calls = 0

    def visit_Name(self, node):
        self.names.append(node.id)

    def visit_Call(self, node):
        self.calls += 1
        self.generic_visit(node)


src = '''
def area(w, h):
    return w * h

total = 0
for i in range(1, 4):
    total += area(i, i + 1)
print("total", total)
'''
tree = ast.parse(src)
c = Counter()
c.visit(tree)
print(c.names, c.calls)
print(sorted({type(n).__name__ for n in ast.walk(tree)}))

# Run the tree as parsed.
ns = {}
exec(compile(tree, "<ast>", "exec"), ns)
print(ns["area"](2, 5))


# Turn every multiplication into an addition, and constants into their double.
class Rewrite(ast.NodeTransformer):
    def visit_BinOp(self, node):
        self.generic_visit(node)
        if isinstance(node.op, ast.Mult):
            return ast.copy_location(ast.BinOp(node.left, ast.Add(), node.right), node)
        return node

    def visit_Constant(self, node):
        if isinstance(node.value, int):
            return ast.copy_location(ast.Constant(node.value * 2), node)
        return node


new = ast.fix_missing_locations(Rewrite().visit(ast.parse(src)))
exec(compile(new, "<rewritten>", "exec"), {})
print(ast.unparse(new))

# Trees built by hand, with fix_missing_locations.
fn = ast.FunctionDef(
    name="greet",
    args=ast.arguments(posonlyargs=[], args=[ast.arg("who")], kwonlyargs=[], kw_defaults=[], defaults=[]),
    body=[ast.Return(ast.JoinedStr([ast.Constant("hi "), ast.FormattedValue(ast.Name("who", ast.Load()), -1)]))],
    decorator_list=[])
mod = ast.fix_missing_locations(ast.Module(body=[fn], type_ignores=[]))
ns = {}
exec(compile(mod, "<built>", "exec"), ns)
print(ns["greet"]("there"))
expr = ast.fix_missing_locations(ast.Expression(ast.BinOp(ast.Constant(6), ast.Mult(), ast.Constant(7))))
print(eval(compile(expr, "<e>", "eval")))
print(eval(compile(ast.parse("[x * x for x in range(5) if x % 2]", mode="eval"), "<e>", "eval")))

# Constants the parser never makes: negative numbers, tuples.
neg = ast.fix_missing_locations(ast.Expression(ast.Constant(-5)))
print(eval(compile(neg, "<e>", "eval")))
tup = ast.fix_missing_locations(ast.Expression(ast.Constant((1, "a", (2.5, None)))))
print(eval(compile(tup, "<e>", "eval")))

# Line numbers of a compiled tree show up in tracebacks.
bad = ast.parse("x = 1\ny = x / 0\n")
try:
    exec(compile(bad, "<lines>", "exec"), {})
except ZeroDivisionError as e:
    print("ZeroDivisionError at line", e.__traceback__.tb_next.tb_lineno)

# A class, a generator, match, try and with, all through the tree path.
prog = '''
class Box:
    def __init__(self, v): self.v = v
    def __iter__(self):
        yield from range(self.v)
def kind(x):
    match x:
        case [a, *rest]: return ("seq", a, len(rest))
        case {"k": v}: return ("map", v)
        case Box(v=3): return "box3"
        case _: return "other"
import contextlib
with contextlib.suppress(KeyError):
    {}["missing"]
try:
    raise ValueError("boom")
except ValueError as e:
    msg = str(e)
print(list(Box(4)), kind([1, 2, 3]), kind({"k": 9}), kind(Box(3)), kind(5), msg)
'''
exec(compile(ast.parse(prog), "<prog>", "exec"), {"__name__": "prog"})


# Malformed trees: CPython's messages.
def check(tree, mode="exec"):
    try:
        compile(tree, "<bad>", mode)
        print("compiled")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, re.sub(r" at 0x[0-9a-f]+", "", str(e)))


P = dict(lineno=1, col_offset=0)
M = lambda *stmts: ast.Module(body=list(stmts), type_ignores=[])
check(M(ast.Expr(ast.Name("x", ast.Load()))))
check(M(ast.Expr(**P)))
check(M(ast.Expr(None, **P)))
check(M(ast.Expr(ast.BinOp(ast.Constant(1, **P), ast.Add(), None, **P), **P)))
check(M(ast.Assign([ast.Name("x", ast.Load(), **P)], ast.Constant(1, **P), **P)))
check(M(ast.Assign([], ast.Constant(1, **P), **P)))
check(M(ast.Expr(ast.Load(), **P)))
check(M(ast.Expr(ast.Name(1, ast.Load(), **P), **P)))
check(M(ast.Expr(ast.Name("None", ast.Load(), **P), **P)))
check(M(ast.Expr(ast.Constant([1], **P), **P)))
check(M(ast.If(ast.Constant(1, **P), [], [], **P)))
check(M(ast.If(ast.Constant(1, **P), [ast.Pass(**P)], 5, **P)))
check(ast.Module(body=5, type_ignores=[]))
check(ast.Expression(ast.Constant(1, **P)), "exec")
check(M(), "eval")
check(M(ast.Expr(ast.Compare(ast.Constant(1, **P), [ast.Eq()], [], **P), **P)))
check(M(ast.Expr(ast.BoolOp(ast.And(), [ast.Constant(1, **P)], **P), **P)))
check(M(ast.Expr(ast.Dict([ast.Constant(1, **P)], [], **P), **P)))
check(M(ast.Try([ast.Pass(**P)], [], [], [], **P)))
check(M(ast.ImportFrom("m", [ast.alias("x", **P)], -1, **P)))
check(M(ast.Raise(None, ast.Constant(1, **P), **P)))
check(M(ast.Expr(ast.Name("x", ast.Load(), lineno="a", col_offset=0), **P)))
check(M(ast.Expr(ast.BinOp(ast.Constant(1, **P), ast.Load(), ast.Constant(2, **P), **P), **P)))
check(M(ast.Expr(ast.Constant(1, kind=3, **P), **P)))
check(M(ast.Global([], **P)))
check(M(ast.Match(ast.Constant(1, **P), [], **P)))
try:
    compile("x", "f", "func_type")
except ValueError as e:
    print("ValueError", e)
try:
    compile("x", "f", "bogus", ast.PyCF_ONLY_AST)
except ValueError as e:
    print("ValueError", e)
# An AST object with PyCF_ONLY_AST comes back as is.
print(compile(tree, "<s>", "exec", ast.PyCF_ONLY_AST) is tree)

# from __future__ import annotations through the tree path: the annotations
# become their unparsed text.
fut = '''
from __future__ import annotations
def f(a: list[int], *, b: "Q" = 1) -> dict[str, int | None]:
    pass
class R:
    x: tuple[int, ...]
print(f.__annotations__, R.__annotations__)
'''
exec(compile(ast.parse(fut), "<future>", "exec"), {})
