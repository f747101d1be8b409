# A tokenizer and recursive-descent calculator with variables, functions and errors.
import math
import re
from dataclasses import dataclass
from enum import Enum, auto


class Kind(Enum):
    NUM = auto()
    NAME = auto()
    OP = auto()
    LPAREN = auto()
    RPAREN = auto()
    COMMA = auto()
    EOF = auto()


@dataclass(frozen=True)
class Token:
    kind: Kind
    text: str
    pos: int


class CalcError(Exception):
    def __init__(self, msg, pos):
        super().__init__(f"{msg} at {pos}")
        self.pos = pos


TOKEN_RE = re.compile(r"""
    (?P<ws>\s+)
  | (?P<num>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)
  | (?P<name>[A-Za-z_]\w*)
  | (?P<op>\*\*|//|[-+*/%^=])
  | (?P<lparen>\()
  | (?P<rparen>\))
  | (?P<comma>,)
""", re.VERBOSE)


def tokenize(src):
    pos = 0
    out = []
    while pos < len(src):
        m = TOKEN_RE.match(src, pos)
        if not m:
            raise CalcError(f"unexpected character {src[pos]!r}", pos)
        kind = m.lastgroup
        if kind != "ws":
            out.append(Token(Kind[kind.upper()], m.group(), pos))
        pos = m.end()
    out.append(Token(Kind.EOF, "", pos))
    return out


FUNCS = {
    "sqrt": math.sqrt, "abs": abs, "max": max, "min": min,
    "floor": math.floor, "hypot": math.hypot, "gcd": math.gcd,
}


class Parser:
    def __init__(self, tokens, env):
        self.toks = tokens
        self.i = 0
        self.env = env

    @property
    def cur(self):
        return self.toks[self.i]

    def eat(self, kind, text=None):
        t = self.cur
        if t.kind is not kind or (text is not None and t.text != text):
            want = text or kind.name
            raise CalcError(f"expected {want}, got {t.text or 'EOF'!s}", t.pos)
        self.i += 1
        return t

    def statement(self):
        if (self.cur.kind is Kind.NAME and self.toks[self.i + 1].kind is Kind.OP
                and self.toks[self.i + 1].text == "="):
            name = self.eat(Kind.NAME).text
            self.eat(Kind.OP, "=")
            value = self.expr()
            self.env[name] = value
            result = value
        else:
            result = self.expr()
        self.eat(Kind.EOF)
        return result

    def expr(self):
        left = self.term()
        while self.cur.kind is Kind.OP and self.cur.text in "+-":
            op = self.eat(Kind.OP).text
            right = self.term()
            left = left + right if op == "+" else left - right
        return left

    def term(self):
        left = self.unary()
        while self.cur.kind is Kind.OP and self.cur.text in ("*", "/", "//", "%"):
            op = self.eat(Kind.OP)
            right = self.unary()
            if op.text != "*" and right == 0:
                raise CalcError("division by zero", op.pos)
            match op.text:
                case "*":
                    left *= right
                case "/":
                    left /= right
                case "//":
                    left //= right
                case "%":
                    left %= right
        return left

    def unary(self):
        if self.cur.kind is Kind.OP and self.cur.text in "+-":
            op = self.eat(Kind.OP).text
            v = self.unary()
            return -v if op == "-" else +v
        return self.power()

    def power(self):
        base = self.atom()
        if self.cur.kind is Kind.OP and self.cur.text in ("**", "^"):
            self.eat(Kind.OP)
            return base ** self.unary()
        return base

    def atom(self):
        t = self.cur
        if t.kind is Kind.NUM:
            self.i += 1
            return float(t.text) if any(c in t.text for c in ".eE") else int(t.text)
        if t.kind is Kind.NAME:
            self.i += 1
            if self.cur.kind is Kind.LPAREN:
                self.eat(Kind.LPAREN)
                args = []
                if self.cur.kind is not Kind.RPAREN:
                    args.append(self.expr())
                    while self.cur.kind is Kind.COMMA:
                        self.eat(Kind.COMMA)
                        args.append(self.expr())
                self.eat(Kind.RPAREN)
                try:
                    fn = FUNCS[t.text]
                except KeyError:
                    raise CalcError(f"unknown function {t.text}", t.pos) from None
                return fn(*args)
            if t.text in self.env:
                return self.env[t.text]
            raise CalcError(f"undefined name {t.text!r}", t.pos)
        if t.kind is Kind.LPAREN:
            self.eat(Kind.LPAREN)
            v = self.expr()
            self.eat(Kind.RPAREN)
            return v
        raise CalcError(f"unexpected {t.text or 'EOF'}", t.pos)


def run(lines):
    env = {"pi": math.pi, "e": math.e}
    for line in lines:
        try:
            val = Parser(tokenize(line), env).statement()
        except CalcError as exc:
            print(f"{line:<28} !! {exc} (pos={exc.pos})")
        except (ValueError, OverflowError, TypeError) as exc:
            print(f"{line:<28} !! {type(exc).__name__}: {exc}")
        else:
            shown = f"{val:.6g}" if isinstance(val, float) else str(val)
            print(f"{line:<28} => {shown}")
    return env


env = run([
    "1 + 2 * 3",
    "(1 + 2) * 3",
    "2 ** 3 ** 2",
    "-2 ** 2",
    "7 // 2 + 7 % 3",
    "x = 10",
    "y = x * 2.5",
    "x + y",
    "sqrt(16) + abs(-3)",
    "max(1, 5, 3) - min(4, 2)",
    "hypot(3, 4)",
    "gcd(84, 36)",
    "floor(pi * 100) / 100",
    "1 / 0",
    "3 +",
    "foo(1)",
    "z + 1",
    "2 $ 3",
    "sqrt(-1)",
    "2 ** 100",
    "1e3 / 8",
    "((((4))))",
    "10 - 3 - 2",
    "2 ^ 10",
])
print(sorted(k for k in env if k not in ("pi", "e")))
print(tokenize("a=1")[:2])
print(Kind.NUM, repr(Kind.OP), Kind["EOF"].value, len(Kind))
