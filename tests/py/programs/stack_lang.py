# An interpreter for a small Forth-like stack language with user words, loops and errors.
import operator


class ForthError(Exception):
    pass


class StackUnderflow(ForthError):
    def __init__(self, word, need, have):
        super().__init__(f"{word}: stack underflow (need {need}, have {have})")


class Forth:
    def __init__(self, out):
        self.stack = []
        self.rstack = []
        self.words = {}
        self.vars = {}
        self.out = out
        self.builtins = {
            "+": self._bin(operator.add), "-": self._bin(operator.sub),
            "*": self._bin(operator.mul), "/": self._bin(self._div),
            "mod": self._bin(operator.mod), "=": self._bin(lambda a, b: -1 if a == b else 0),
            "<": self._bin(lambda a, b: -1 if a < b else 0), ">": self._bin(lambda a, b: -1 if a > b else 0),
            "and": self._bin(operator.and_), "or": self._bin(operator.or_),
            "max": self._bin(max), "min": self._bin(min),
            "negate": self._un(operator.neg), "abs": self._un(abs), "1+": self._un(lambda a: a + 1),
            "dup": lambda: self._peek_push("dup", 1, lambda a: (a, a)),
            "drop": lambda: self._peek_push("drop", 1, lambda a: ()),
            "swap": lambda: self._peek_push("swap", 2, lambda a, b: (b, a)),
            "over": lambda: self._peek_push("over", 2, lambda a, b: (a, b, a)),
            "rot": lambda: self._peek_push("rot", 3, lambda a, b, c: (b, c, a)),
            ".": lambda: self.out.append(str(self._pop("."))),
            "emit": lambda: self.out.append(chr(self._pop("emit"))),
            "cr": lambda: self.out.append("\n"),
            ".s": lambda: self.out.append(f"<{len(self.stack)}> " + " ".join(map(str, self.stack))),
            "!": self._store, "@": self._fetch,
        }

    @staticmethod
    def _div(a, b):
        if b == 0:
            raise ForthError("division by zero")
        q = abs(a) // abs(b)
        return q if (a < 0) == (b < 0) else -q

    def _pop(self, word, n=1):
        if len(self.stack) < n:
            raise StackUnderflow(word, n, len(self.stack))
        if n == 1:
            return self.stack.pop()
        vals = self.stack[-n:]
        del self.stack[-n:]
        return vals

    def _bin(self, fn):
        def run():
            a, b = self._pop(fn.__name__ if hasattr(fn, "__name__") else "op", 2)
            self.stack.append(fn(a, b))
        return run

    def _un(self, fn):
        def run():
            self.stack.append(fn(self._pop("unary")))
        return run

    def _peek_push(self, word, n, fn):
        vals = self._pop(word, n)
        vals = [vals] if n == 1 else vals
        self.stack.extend(fn(*vals))

    def _store(self):
        addr, value = self._pop("!"), self._pop("!")
        self.vars[addr] = value

    def _fetch(self):
        addr = self._pop("@")
        if addr not in self.vars:
            raise ForthError(f"unknown variable {addr}")
        self.stack.append(self.vars[addr])

    def tokenize(self, src):
        toks = []
        it = iter(src.split())
        for tok in it:
            if tok == "(":
                for t in it:
                    if t == ")":
                        break
                continue
            if tok == '."':
                words = []
                for t in it:
                    if t.endswith('"'):
                        words.append(t[:-1])
                        break
                    words.append(t)
                toks.append(("str", " ".join(words)))
                continue
            toks.append(("word", tok.lower()))
        return toks

    def compile_block(self, toks, i, enders):
        body = []
        while i < len(toks):
            kind, tok = toks[i]
            if kind == "word" and tok in enders:
                return body, i, tok
            if kind == "word" and tok == "if":
                then_part, i, end = self.compile_block(toks, i + 1, ("else", "then"))
                else_part = []
                if end == "else":
                    else_part, i, end = self.compile_block(toks, i + 1, ("then",))
                body.append(("if", then_part, else_part))
            elif kind == "word" and tok == "do":
                loop_body, i, _ = self.compile_block(toks, i + 1, ("loop",))
                body.append(("do", loop_body))
            elif kind == "word" and tok == "begin":
                loop_body, i, _ = self.compile_block(toks, i + 1, ("until",))
                body.append(("begin", loop_body))
            else:
                body.append((kind, tok))
            i += 1
        if enders:
            raise ForthError(f"missing {' or '.join(enders)}")
        return body, i, None

    def execute(self, body):
        for node in body:
            match node:
                case ("str", text):
                    self.out.append(text)
                case ("if", then_part, else_part):
                    self.execute(then_part if self._pop("if") else else_part)
                case ("do", loop_body):
                    start, limit = self._pop("do"), self._pop("do")
                    for i in range(start, limit):
                        self.rstack.append(i)
                        try:
                            self.execute(loop_body)
                        finally:
                            self.rstack.pop()
                case ("begin", loop_body):
                    while True:
                        self.execute(loop_body)
                        if self._pop("until"):
                            break
                case ("word", "i"):
                    if not self.rstack:
                        raise ForthError("i outside loop")
                    self.stack.append(self.rstack[-1])
                case ("word", w) if w in self.words:
                    self.execute(self.words[w])
                case ("word", w) if w in self.builtins:
                    self.builtins[w]()
                case ("word", w):
                    try:
                        self.stack.append(int(w, 0))
                    except ValueError:
                        raise ForthError(f"unknown word {w!r}") from None

    def run(self, src):
        toks = self.tokenize(src)
        i = 0
        while i < len(toks):
            kind, tok = toks[i]
            if kind == "word" and tok == ":":
                name = toks[i + 1][1]
                body, i, _ = self.compile_block(toks, i + 2, (";",))
                self.words[name] = body
                i += 1
                continue
            if kind == "word" and tok == "variable":
                name = toks[i + 1][1]
                addr = len(self.vars) + 1000
                self.vars[addr] = 0
                self.words[name] = [("word", str(addr))]
                i += 2
                continue
            body, j, _ = self.compile_block(toks, i, ())
            self.execute(body)
            i = j


PROGRAMS = [
    "1 2 + 3 * .",
    "10 3 / . -10 3 / . 10 3 mod .",
    ": square dup * ; 7 square .",
    ": fact ( n -- n! ) dup 1 > if dup 1 - fact * then ; 10 fact . 20 fact .",
    ": fib 0 1 rot 0 do over + swap loop drop ; 30 fib .",
    "5 0 do i . loop",
    ": stars 0 do 42 emit loop ; 5 stars cr 3 stars",
    '." hello forth world" cr',
    "1 2 3 rot .s",
    "1 2 swap over .s",
    "variable x 42 x ! x @ 1+ .",
    ": countdown begin dup . 1 - dup 0 = until drop ; 5 countdown",
    ": sign dup 0 < if drop -1 else 0 > if 1 else 0 then then ; -5 sign . 0 sign . 9 sign .",
    ": gcd begin swap over mod dup 0 = until drop ; 48 18 gcd . 1071 462 gcd .",
    "0x1F 010 + .",
    "3 4 max 2 min . 5 negate abs .",
    "1 +",
    "5 0 /",
    "frobnicate",
    ": broken 1 if 2",
    "i",
    "2 64 0 do 2 * loop .",
]

for src in PROGRAMS:
    out = []
    f = Forth(out)
    try:
        f.run(src)
        status = "ok"
    except StackUnderflow as e:
        status = f"underflow: {e}"
    except ForthError as e:
        status = f"error: {e}"
    text = " ".join(x for x in out if x != "\n") if "\n" not in out else "".join(
        x if x == "\n" else x + " " for x in out).rstrip()
    print(f"{src[:40]:<42}| {text!r} [{status}] stack={f.stack}")

f = Forth([])
f.run(": sq dup * ; : cube dup sq * ; : sum-cubes 0 swap 1+ 1 do i cube + loop ;")
f.run("10 sum-cubes")
print(f.stack, sorted(f.words), len(f.builtins))
print(isinstance(StackUnderflow("x", 1, 0), ForthError), StackUnderflow.__mro__[1].__name__)
