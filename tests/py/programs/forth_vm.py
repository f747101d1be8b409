"""A small Forth-like stack language with words, conditionals, loops and errors."""
import operator, math
from dataclasses import dataclass, field
from functools import singledispatch, cached_property, total_ordering, wraps
from enum import Enum, Flag, auto

class ForthError(Exception):
    pass

class StackUnderflow(ForthError):
    def __init__(self, word, need, have):
        super().__init__(f"{word}: needs {need} item(s), stack has {have}")

class Tok(Enum):
    NUM = auto(); WORD = auto(); STR = auto(); DEF = auto(); END = auto()
    def __repr__(self): return f"Tok.{self.name}"

class Mode(Flag):
    NONE = 0; TRACE = auto(); STRICT = auto(); ALL = TRACE | STRICT

def tokenize(src):
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c.isspace():
            i += 1
        elif c == "(":
            j = src.index(")", i)
            i = j + 1
        elif c == '"':
            j = src.index('"', i + 1)
            yield (Tok.STR, src[i + 1:j]); i = j + 1
        else:
            j = i
            while j < n and not src[j].isspace():
                j += 1
            w = src[i:j]; i = j
            if w == ":":
                yield (Tok.DEF, w)
            elif w == ";":
                yield (Tok.END, w)
            else:
                try:
                    yield (Tok.NUM, int(w, 0))
                except ValueError:
                    try:
                        yield (Tok.NUM, float(w))
                    except ValueError:
                        yield (Tok.WORD, w.lower())

def needs(n):
    def deco(fn):
        @wraps(fn)
        def wrapper(self, name):
            if len(self.stack) < n:
                raise StackUnderflow(name, n, len(self.stack))
            return fn(self, name)
        wrapper.arity = n
        return wrapper
    return deco

@dataclass
class VM:
    mode: Mode = Mode.NONE
    stack: list = field(default_factory=list)
    words: dict = field(default_factory=dict)
    out: list = field(default_factory=list)
    steps: int = 0

    BIN = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv, "mod": operator.mod,
           "<": operator.lt, ">": operator.gt, "=": operator.eq, "**": operator.pow, "//": operator.floordiv}

    @cached_property
    def builtins(self):
        print("(building builtin table)")
        return {"dup": self.w_dup, "drop": self.w_drop, "swap": self.w_swap, "over": self.w_over, ".": self.w_print,
                "rot": self.w_rot, "sqrt": self.w_sqrt, "emit": self.w_emit, ".s": self.w_show}

    @needs(1)
    def w_dup(self, name): self.stack.append(self.stack[-1])
    @needs(1)
    def w_drop(self, name): self.stack.pop()
    @needs(2)
    def w_swap(self, name): self.stack[-2:] = self.stack[-1:-3:-1]
    @needs(2)
    def w_over(self, name): self.stack.append(self.stack[-2])
    @needs(3)
    def w_rot(self, name): a = self.stack.pop(-3); self.stack.append(a)
    @needs(1)
    def w_print(self, name): self.out.append(fmt(self.stack.pop()))
    @needs(1)
    def w_sqrt(self, name): self.stack.append(math.sqrt(self.stack.pop()))
    @needs(1)
    def w_emit(self, name): self.out.append(chr(self.stack.pop()))
    def w_show(self, name): self.out.append(f"<{len(self.stack)}> " + " ".join(map(fmt, self.stack)))

    def run(self, src):
        self.execute(list(tokenize(src)))
        return " ".join(self.out)

    def execute(self, toks):
        i = 0
        while i < len(toks):
            kind, val = toks[i]
            self.steps += 1
            if self.steps > 300:
                raise ForthError("step limit exceeded")
            if Mode.TRACE in self.mode:
                print(f"  trace {kind!r} {val!r} {self.stack}")
            match kind, val:
                case Tok.NUM, n:
                    self.stack.append(n)
                case Tok.STR, s:
                    self.out.append(s)
                case Tok.DEF, _:
                    end = next(j for j in range(i, len(toks)) if toks[j][0] is Tok.END)
                    name = toks[i + 1][1]
                    self.words[name] = toks[i + 2:end]
                    i = end
                case Tok.WORD, "if":
                    depth, j, els = 1, i + 1, None
                    while depth:
                        w = toks[j][1]
                        depth += (w == "if") - (w == "then")
                        if w == "else" and depth == 1:
                            els = j
                        j += 1
                    cond = self.stack.pop()
                    body = toks[i + 1:els if els else j - 1] if cond else (toks[els + 1:j - 1] if els else [])
                    self.execute(body)
                    i = j - 1
                case Tok.WORD, "times":
                    count = self.stack.pop()
                    body_name = toks[i + 1][1]
                    for _ in range(count):
                        self.execute(self.words[body_name])
                    i += 1
                case Tok.WORD, w if w in self.BIN:
                    if len(self.stack) < 2:
                        raise StackUnderflow(w, 2, len(self.stack))
                    b, a = self.stack.pop(), self.stack.pop()
                    try:
                        r = self.BIN[w](a, b)
                    except ZeroDivisionError as e:
                        raise ForthError(f"{w}: {e}") from e
                    self.stack.append(int(r) if isinstance(r, bool) else r)
                case Tok.WORD, w if w in self.words:
                    self.execute(self.words[w])
                case Tok.WORD, w if w in self.builtins:
                    self.builtins[w](w)
                case _:
                    raise ForthError(f"unknown word {val!r}")
            i += 1

@singledispatch
def fmt(x):
    return repr(x)
@fmt.register
def _(x: int):
    return str(x)
@fmt.register
def _(x: float):
    return f"{x:.4g}"
@fmt.register(bool)
def _(x):
    return "true" if x else "false"

PROGRAMS = [
    "2 3 + 4 * .",
    ": square dup * ; : cube dup square * ; 3 cube . 1.5 square .",
    "10 3 / . 10 3 // . 10 3 mod . 2 10 ** .",
    '5 3 > if "bigger" else "smaller" then 1 2 = if "eq" then',
    ": star 42 emit ; 5 times star",
    "1 2 3 rot .s swap .s over .s drop drop drop drop",
    "1 0 /",
    "nonsense",
    ": loop loop ; loop",
    "16 sqrt . 0x1F . 2 sqrt .",
    "( a comment ) 7 dup . .",
]
for prog in PROGRAMS:
    vm = VM()
    try:
        print(f"{prog!r:60} -> {vm.run(prog)!r}")
    except ForthError as e:
        print(f"{prog!r:60} !! {type(e).__name__}: {e}" + (f" (cause {e.__cause__!r})" if e.__cause__ else ""))
vm = VM(mode=Mode.TRACE | Mode.STRICT)
print(vm.mode, Mode.ALL, Mode.TRACE in Mode.ALL, list(Mode.ALL), Mode(0), repr(Mode.STRICT), bool(Mode.NONE))
print(vm.run("1 2 +"), vm.stack, vm.steps)
print(fmt(True), fmt(2.0), fmt("s"), fmt.registry.keys() >= {object, int, float, bool}, fmt.dispatch(bool).__name__)
print(VM.w_dup.__name__, VM.w_dup.arity, VM.w_rot.__wrapped__.__name__)
@total_ordering
class Version:
    def __init__(self, s): self.parts = tuple(map(int, s.split(".")))
    def __eq__(self, o): return self.parts == o.parts
    def __lt__(self, o): return self.parts < o.parts
    def __repr__(self): return "V" + ".".join(map(str, self.parts))
vs = [Version(s) for s in ["1.10", "1.2", "1.2.1", "0.9"]]
print(sorted(vs), max(vs), Version("1.2") >= Version("1.2"), Version("2") > Version("1.99"), Version("1.0") <= Version("0.5"))
