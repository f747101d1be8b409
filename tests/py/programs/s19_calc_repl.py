# A calculator REPL driven by stdin through input(): variables, history,
# commands, errors reported per line; ends at EOF.
import math
import operator
import sys

ops = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
       "//": operator.floordiv, "%": operator.mod, "**": operator.pow}
variables = {"pi": math.pi, "e": math.e}
history = []


def tokenize(line):
    tokens = []
    i = 0
    while i < len(line):
        ch = line[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(line) and (line[j].isdigit() or line[j] == "."):
                j += 1
            text = line[i:j]
            tokens.append(float(text) if "." in text else int(text))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(line) and (line[j].isalnum() or line[j] == "_"):
                j += 1
            tokens.append(line[i:j])
            i = j
        elif line.startswith(("**", "//"), i):
            tokens.append(line[i:i + 2])
            i += 2
        elif ch in "+-*/%()=,":
            tokens.append(ch)
            i += 1
        else:
            raise SyntaxError(f"bad character {ch!r} at column {i + 1}")
    return tokens


class Parser:
    def __init__(self, tokens):
        self.t = tokens
        self.i = 0

    def peek(self):
        return self.t[self.i] if self.i < len(self.t) else None

    def take(self):
        tok = self.peek()
        self.i += 1
        return tok

    def expr(self):
        v = self.term()
        while self.peek() in ("+", "-"):
            v = ops[self.take()](v, self.term())
        return v

    def term(self):
        v = self.factor()
        while self.peek() in ("*", "/", "//", "%"):
            v = ops[self.take()](v, self.factor())
        return v

    def factor(self):
        if self.peek() == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek() == "**":
            self.take()
            return base ** self.factor()
        return base

    def atom(self):
        tok = self.take()
        if isinstance(tok, (int, float)):
            return tok
        if tok == "(":
            v = self.expr()
            if self.take() != ")":
                raise SyntaxError("missing )")
            return v
        if isinstance(tok, str) and (tok[0].isalpha() or tok[0] == "_"):
            if self.peek() == "(":
                self.take()
                args = []
                while self.peek() != ")":
                    args.append(self.expr())
                    if self.peek() == ",":
                        self.take()
                    elif self.peek() != ")":
                        raise SyntaxError("expected , or )")
                self.take()
                fn = getattr(math, tok, None)
                if fn is None or not callable(fn):
                    raise NameError(f"unknown function {tok!r}")
                return fn(*args)
            if tok not in variables:
                raise NameError(f"name {tok!r} is not defined")
            return variables[tok]
        raise SyntaxError(f"unexpected {tok!r}" if tok is not None else "unexpected end of input")


def evaluate(line):
    tokens = tokenize(line)
    target = None
    if len(tokens) > 2 and isinstance(tokens[0], str) and tokens[1] == "=":
        target, tokens = tokens[0], tokens[2:]
    p = Parser(tokens)
    v = p.expr()
    if p.peek() is not None:
        raise SyntaxError(f"unexpected {p.peek()!r}")
    if target:
        variables[target] = v
    variables["_"] = v
    return v


def show(v):
    if isinstance(v, float):
        if v.is_integer() and abs(v) < 1e15:
            return f"{v:.1f}"
        return f"{v:.10g}"
    return str(v)


print("calc 1.0 - type 'help'")
count = 0
while True:
    try:
        line = input(f"[{count}]> ")
    except EOFError:
        print("\nbye")
        break
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    count += 1
    if line == "help":
        print("commands: help, vars, history, clear, quit")
        continue
    if line == "vars":
        for k in sorted(variables):
            print(f"  {k:<6} = {show(variables[k])}")
        continue
    if line == "history":
        for n, (src, val) in enumerate(history, 1):
            print(f"  {n:>2}: {src:<22} -> {val}")
        continue
    if line == "clear":
        history.clear()
        continue
    if line == "quit":
        print("quitting early")
        sys.exit(0)
    try:
        value = evaluate(line)
    except (SyntaxError, NameError) as e:
        print(f"  {type(e).__name__}: {e}")
    except ZeroDivisionError:
        print("  error: division by zero")
    except (OverflowError, ValueError, TypeError) as e:
        print(f"  math error: {e}")
    else:
        history.append((line, show(value)))
        print(f"  = {show(value)}")
print(f"{count} lines, {len(history)} results")
