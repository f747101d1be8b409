"""Symbolic differentiation and simplification with match statements over
an expression tree, plus the stdlib ast module."""
import ast
from dataclasses import dataclass
from typing import Union


@dataclass(frozen=True)
class Const:
    v: float

@dataclass(frozen=True)
class Sym:
    name: str

@dataclass(frozen=True)
class Add:
    a: "Expr"
    b: "Expr"

@dataclass(frozen=True)
class Mul:
    a: "Expr"
    b: "Expr"

@dataclass(frozen=True)
class Pow:
    base: "Expr"
    exp: int

@dataclass(frozen=True)
class Call:
    fn: str
    arg: "Expr"


Expr = Union[Const, Sym, Add, Mul, Pow, Call]


def show(e):
    match e:
        case Const(v) if v == int(v):
            return str(int(v))
        case Const(v):
            return str(v)
        case Sym(n):
            return n
        case Add(a, Mul(Const(-1.0), b)):
            return f"({show(a)} - {show(b)})"
        case Add(a, b):
            return f"({show(a)} + {show(b)})"
        case Mul(Const(-1.0), b):
            return f"-{show(b)}"
        case Mul(a, b):
            return f"{show(a)}*{show(b)}"
        case Pow(b, n):
            return f"{show(b)}^{n}"
        case Call(f, a):
            return f"{f}({show(a)})"
        case _:
            raise TypeError(f"not an expression: {e!r}")


def simplify(e):
    match e:
        case Add(a, b):
            a, b = simplify(a), simplify(b)
            match a, b:
                case Const(x), Const(y):
                    return Const(x + y)
                case (Const(0.0), other) | (other, Const(0.0)):
                    return other
                case x, y if x == y:
                    return simplify(Mul(Const(2.0), x))
            return Add(a, b)
        case Mul(a, b):
            a, b = simplify(a), simplify(b)
            match a, b:
                case Const(x), Const(y):
                    return Const(x * y)
                case (Const(0.0), _) | (_, Const(0.0)):
                    return Const(0.0)
                case (Const(1.0), other) | (other, Const(1.0)):
                    return other
                case Const(x), Mul(Const(y), z):
                    return Mul(Const(x * y), z)
                case x, y if x == y:
                    return Pow(x, 2)
                case x, Pow(y, n) if x == y:
                    return Pow(x, n + 1)
            return Mul(a, b)
        case Pow(b, 0):
            return Const(1.0)
        case Pow(b, 1):
            return simplify(b)
        case Pow(b, n):
            return Pow(simplify(b), n)
        case Call(f, a):
            return Call(f, simplify(a))
    return e


def diff(e, x):
    match e:
        case Const():
            return Const(0.0)
        case Sym(n):
            return Const(1.0 if n == x else 0.0)
        case Add(a, b):
            return Add(diff(a, x), diff(b, x))
        case Mul(a, b):
            return Add(Mul(diff(a, x), b), Mul(a, diff(b, x)))
        case Pow(b, n):
            return Mul(Mul(Const(float(n)), Pow(b, n - 1)), diff(b, x))
        case Call("sin", a):
            return Mul(Call("cos", a), diff(a, x))
        case Call("cos", a):
            return Mul(Mul(Const(-1.0), Call("sin", a)), diff(a, x))
        case Call("exp", a):
            return Mul(e, diff(a, x))
        case Call(name, _):
            raise ValueError(f"unknown function {name}")


def from_py(node):
    """Convert a Python expression AST into our tree."""
    match node:
        case ast.Expression(body=b):
            return from_py(b)
        case ast.Constant(value=int() | float() as v):
            return Const(float(v))
        case ast.Name(id=n):
            return Sym(n)
        case ast.BinOp(left=l, op=ast.Add(), right=r):
            return Add(from_py(l), from_py(r))
        case ast.BinOp(left=l, op=ast.Sub(), right=r):
            return Add(from_py(l), Mul(Const(-1.0), from_py(r)))
        case ast.BinOp(left=l, op=ast.Mult(), right=r):
            return Mul(from_py(l), from_py(r))
        case ast.BinOp(left=l, op=ast.Pow(), right=ast.Constant(value=int(n))):
            return Pow(from_py(l), n)
        case ast.UnaryOp(op=ast.USub(), operand=o):
            return Mul(Const(-1.0), from_py(o))
        case ast.Call(func=ast.Name(id=f), args=[a], keywords=[]):
            return Call(f, from_py(a))
        case _:
            raise SyntaxError(f"unsupported: {ast.dump(node)}")


for src in ["x**3 + 2*x", "x*x*x", "sin(x*x)", "exp(2*x) + cos(x)", "3*y + x*y", "x - x", "-x**2",
            "x / 2", "tan(x)", "x**0 + x**1"]:
    try:
        e = from_py(ast.parse(src, mode="eval"))
        d = simplify(diff(e, "x"))
        print(f"d/dx {src:<18} = {show(d)}")
    except (SyntaxError, ValueError) as err:
        print(f"d/dx {src:<18} !! {type(err).__name__}: {err}")

tree = ast.parse("def f(a, b=2, *args, k, **kw):\n    return a + b if a else [i for i in args]\n")
print(ast.dump(tree.body[0].args, indent=None)[:200])
fn = tree.body[0]
print(fn.name, [a.arg for a in fn.args.args], fn.args.kwonlyargs[0].arg, fn.lineno, fn.col_offset, fn.end_lineno)
print(ast.unparse(fn))
print([type(n).__name__ for n in ast.walk(fn.body[0])][:8])


class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == "a":
            return ast.copy_location(ast.Name(id="alpha", ctx=node.ctx), node)
        return node


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.calls = []

    def visit_Call(self, node):
        self.calls.append(ast.unparse(node.func))
        self.generic_visit(node)


t2 = Renamer().visit(ast.parse("a = a + b * a"))
print(ast.unparse(ast.fix_missing_locations(t2)))
c = Counter()
c.visit(ast.parse("print(len(x), max(f(y), g.h(z)))"))
print(c.calls)
print(ast.literal_eval("{'a': [1, 2.5, (3, None)], 'b': -4j, 'c': {1, 2}}"))
try:
    ast.literal_eval("__import__('os')")
except ValueError as err:
    print("ValueError:", str(err).split(":")[0])
code = compile(ast.parse("result = 6 * 7"), "<ast>", "exec")
ns = {}
exec(code, ns)
print(ns["result"])


def classify(cmd):
    match cmd.split():
        case ["go", ("north" | "south" | "east" | "west") as d]:
            return f"move {d}"
        case ["take", *items] if items:
            return f"take {', '.join(items)}"
        case ["drop", item, "in", place]:
            return f"drop {item} into {place}"
        case [("quit" | "exit")]:
            return "bye"
        case []:
            return "empty"
        case [verb, *_]:
            return f"unknown verb {verb!r}"


for cmd in ["go north", "go up", "take key lamp", "take", "drop key in box", "quit", "", "dance wildly"]:
    print(f"{cmd!r:>18} -> {classify(cmd)}")


def describe(obj):
    match obj:
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} extra={sorted(rest)}"
        case {"type": "point", "x": int(x) | float(x), "y": y}:
            return f"point ({x}, {y})"
        case [int(a), int(b), *rest] if len(rest) < 2:
            return f"short int list {a},{b} +{len(rest)}"
        case (1, 2) | [3, 4]:
            return "special pair"
        case str() | bytes() as s if len(s) > 3:
            return f"long string-ish {s[:3]!r}..."
        case float(f) if f != f:
            return "nan"
        case bool(b):
            return f"bool {b}"
        case int(n):
            return f"int {n}"
        case None:
            return "nothing"
        case _:
            return f"other {type(obj).__name__}"


for o in [{"type": "user", "name": "ann", "age": 3, "id": 9}, {"type": "point", "x": 1.5, "y": 2},
          [1, 2, 3], [1, 2, 3, 4, 5], (1, 2), [3, 4], "hello", b"bytes!", float("nan"), True, 7, None, 2.5,
          {"type": "user", "name": 5}]:
    print(describe(o))
