"""A tokenizer, recursive-descent parser and tree-walking evaluator for a
small expression language with let-bindings, functions and closures."""
import re
from dataclasses import dataclass, field
from typing import Union

TOKEN_RE = re.compile(r"""
    (?P<ws>\s+)
  | (?P<num>\d+(?:\.\d+)?)
  | (?P<str>"(?:[^"\\]|\\.)*")
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
  | (?P<op>==|!=|<=|>=|->|[-+*/%()<>=,;{}])
""", re.VERBOSE)

KEYWORDS = {"let", "in", "fn", "if", "then", "else", "true", "false"}


@dataclass(frozen=True)
class Tok:
    kind: str
    text: str
    pos: int


class LangError(Exception):
    def __init__(self, msg, pos=None):
        super().__init__(msg if pos is None else f"{msg} at {pos}")
        self.pos = pos


def tokenize(src):
    pos = 0
    out = []
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m:
            raise LangError(f"unexpected character {src[pos]!r}", pos)
        kind = m.lastgroup
        text = m.group()
        if kind == "name" and text in KEYWORDS:
            kind = "kw"
        if kind != "ws":
            out.append(Tok(kind, text, pos))
        pos = m.end()
    out.append(Tok("eof", "", pos))
    return out


@dataclass
class Num: value: float
@dataclass
class Str: value: str
@dataclass
class Bool: value: bool
@dataclass
class Var: name: str
@dataclass
class BinOp:
    op: str
    left: object
    right: object
@dataclass
class Let:
    name: str
    value: object
    body: object
@dataclass
class Fn:
    params: list
    body: object
@dataclass
class Call:
    fn: object
    args: list = field(default_factory=list)
@dataclass
class If:
    cond: object
    then: object
    other: object


PREC = {"==": 1, "!=": 1, "<": 2, ">": 2, "<=": 2, ">=": 2,
        "+": 3, "-": 3, "*": 4, "/": 4, "%": 4}


class Parser:
    def __init__(self, toks):
        self.toks = toks
        self.i = 0

    def peek(self):
        return self.toks[self.i]

    def next(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def expect(self, text):
        t = self.next()
        if t.text != text:
            raise LangError(f"expected {text!r}, got {t.text or 'EOF'!r}", t.pos)
        return t

    def parse(self):
        e = self.expr()
        if self.peek().kind != "eof":
            raise LangError(f"trailing {self.peek().text!r}", self.peek().pos)
        return e

    def expr(self):
        t = self.peek()
        if t.text == "let":
            self.next()
            name = self.next().text
            self.expect("=")
            val = self.expr()
            self.expect("in")
            return Let(name, val, self.expr())
        if t.text == "fn":
            self.next()
            self.expect("(")
            params = []
            while self.peek().text != ")":
                params.append(self.next().text)
                if self.peek().text == ",":
                    self.next()
            self.expect(")")
            self.expect("->")
            return Fn(params, self.expr())
        if t.text == "if":
            self.next()
            c = self.expr()
            self.expect("then")
            a = self.expr()
            self.expect("else")
            return If(c, a, self.expr())
        return self.binary(0)

    def binary(self, min_prec):
        left = self.postfix()
        while True:
            op = self.peek().text
            p = PREC.get(op)
            if p is None or p <= min_prec:
                return left
            self.next()
            right = self.binary(p)
            left = BinOp(op, left, right)

    def postfix(self):
        e = self.atom()
        while self.peek().text == "(":
            self.next()
            args = []
            while self.peek().text != ")":
                args.append(self.expr())
                if self.peek().text == ",":
                    self.next()
            self.expect(")")
            e = Call(e, args)
        return e

    def atom(self):
        t = self.next()
        match t:
            case Tok(kind="num", text=s):
                return Num(float(s) if "." in s else int(s))
            case Tok(kind="str", text=s):
                return Str(s[1:-1].encode().decode("unicode_escape"))
            case Tok(kind="kw", text="true" | "false" as b):
                return Bool(b == "true")
            case Tok(kind="name", text=n):
                return Var(n)
            case Tok(text="("):
                e = self.expr()
                self.expect(")")
                return e
            case Tok(text="-"):
                return BinOp("-", Num(0), self.atom())
        raise LangError(f"unexpected {t.text or 'EOF'!r}", t.pos)


class Closure:
    def __init__(self, fn, env):
        self.fn, self.env = fn, env

    def __repr__(self):
        return f"<closure ({', '.join(self.fn.params)})>"


OPS = {
    "+": lambda a, b: a + b, "-": lambda a, b: a - b,
    "*": lambda a, b: a * b, "/": lambda a, b: a / b,
    "%": lambda a, b: a % b, "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b, "<": lambda a, b: a < b,
    ">": lambda a, b: a > b, "<=": lambda a, b: a <= b,
    ">=": lambda a, b: a >= b,
}


def evaluate(node, env):
    match node:
        case Num(v) | Str(v) | Bool(v):
            return v
        case Var(name):
            if name in env:
                return env[name]
            raise LangError(f"unbound variable {name}")
        case BinOp(op, l, r):
            try:
                return OPS[op](evaluate(l, env), evaluate(r, env))
            except (TypeError, ZeroDivisionError) as exc:
                raise LangError(f"{op}: {exc}") from exc
        case Let(name, val, body):
            inner = dict(env)
            inner[name] = evaluate(val, inner)
            if isinstance(val, Fn):
                inner[name].env = inner
            return evaluate(body, inner)
        case Fn():
            return Closure(node, env)
        case If(c, a, b):
            return evaluate(a if evaluate(c, env) else b, env)
        case Call(f, args):
            fv = evaluate(f, env)
            vals = [evaluate(a, env) for a in args]
            if callable(fv):
                return fv(*vals)
            if not isinstance(fv, Closure):
                raise LangError(f"not callable: {fv!r}")
            if len(vals) != len(fv.fn.params):
                raise LangError(f"arity mismatch: want {len(fv.fn.params)}, got {len(vals)}")
            return evaluate(fv.fn.body, {**fv.env, **dict(zip(fv.fn.params, vals))})
    raise LangError(f"cannot evaluate {node!r}")


GLOBALS = {"print": lambda *a: print("  out:", *a) or 0, "len": len, "str": str}

PROGRAMS = [
    "1 + 2 * 3 - 4 / 2",
    "let x = 5 in x * x + 1",
    "let fact = fn(n) -> if n <= 1 then 1 else n * fact(n - 1) in fact(20)",
    "let fib = fn(n) -> if n < 2 then n else fib(n-1) + fib(n-2) in fib(15)",
    'let greet = fn(who) -> "hello, " + who in greet("world")',
    "let add = fn(a) -> fn(b) -> a + b in let inc = add(1) in inc(41)",
    "print(1, 2.5, \"three\")",
    "len(\"tab\\there\")",
    "10 % 3 == 1",
    "1 / 0",
    "undefined + 1",
    "let f = fn(a, b) -> a in f(1)",
    "(1 + 2",
    "3 $ 4",
    '"a" - 1',
    "-(2 + 3) * 2.5",
]

for src in PROGRAMS:
    try:
        ast = Parser(tokenize(src)).parse()
        result = evaluate(ast, GLOBALS)
        print(f"{src!r:70} => {result!r}")
    except LangError as e:
        cause = f" (cause: {type(e.__cause__).__name__})" if e.__cause__ else ""
        print(f"{src!r:70} !! {e}{cause}")

print(Parser(tokenize("let y = fn(a) -> a in y")).parse())
