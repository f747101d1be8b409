import re, operator
TOKEN = re.compile(r"\s*(?:(\d+\.?\d*)|(\*\*|[-+*/%()^,])|([A-Za-z_]\w*))")
class ParseError(Exception): pass
def tokenize(s):
    pos = 0; out = []
    s = s.rstrip()
    while pos < len(s):
        m = TOKEN.match(s, pos)
        if not m or m.end() == pos: raise ParseError(f"bad char {s[pos]!r} at {pos}")
        num, op, name = m.groups()
        out.append(("num", float(num) if "." in num else int(num)) if num else ("op", op) if op else ("name", name))
        pos = m.end()
    out.append(("eof", None)); return out
class Parser:
    FUNCS = {"max": max, "min": min, "abs": abs}
    def __init__(self, text, env=None): self.t = tokenize(text); self.i = 0; self.env = env or {}
    def peek(self): return self.t[self.i]
    def eat(self, kind=None, val=None):
        tok = self.t[self.i]
        if (kind and tok[0] != kind) or (val and tok[1] != val): raise ParseError(f"expected {val or kind}, got {tok[1]!r}")
        self.i += 1; return tok
    def parse(self):
        v = self.expr(); self.eat("eof"); return v
    def expr(self):
        v = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.eat()[1]; r = self.term(); v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek()[0] == "op" and self.peek()[1] in "*/%":
            op = self.eat()[1]; r = self.factor()
            v = {"*": operator.mul, "/": operator.truediv, "%": operator.mod}[op](v, r)
        return v
    def factor(self):
        if self.peek() == ("op", "-"): self.eat(); return -self.factor()
        b = self.atom()
        if self.peek() in (("op", "**"), ("op", "^")): self.eat(); return b ** self.factor()
        return b
    def atom(self):
        k, v = self.peek()
        if k == "num": self.eat(); return v
        if k == "name":
            self.eat()
            if self.peek() == ("op", "("):
                self.eat(); args = [self.expr()]
                while self.peek() == ("op", ","): self.eat(); args.append(self.expr())
                self.eat("op", ")")
                return self.FUNCS[v](*args)
            try: return self.env[v]
            except KeyError: raise NameError(f"name '{v}' is not defined") from None
        if (k, v) == ("op", "("):
            self.eat(); r = self.expr(); self.eat("op", ")"); return r
        raise ParseError(f"unexpected {v!r}")
for e in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ^ 2", "10 / 4", "10 % 3 + x * y", "max(1, x, 3) + abs(-7)", "1 +", "2 * (3", "4 $ 4", "zz + 1", "1 / 0", "3.5 * 2", "min()"]:
    try: print(f"{e!r:28} = {Parser(e, {'x': 5, 'y': 0.5}).parse()!r}")
    except (ParseError, NameError, ZeroDivisionError, TypeError, ValueError) as ex: print(f"{e!r:28} ! {type(ex).__name__}: {ex}")

# tiny stack VM
from enum import Enum, auto
class Op(Enum):
    PUSH = auto(); ADD = auto(); SUB = auto(); MUL = auto(); JZ = auto(); JMP = auto(); DUP = auto(); PRINT = auto(); HALT = auto(); SWAP = auto(); OVER = auto()
def run(prog, trace=False):
    st = []; pc = 0; steps = 0
    while True:
        op, *arg = prog[pc]; pc += 1; steps += 1
        if trace: print(f"  {pc-1:3d} {op.name:<6} {st}")
        match op:
            case Op.PUSH: st.append(arg[0])
            case Op.ADD: b, a = st.pop(), st.pop(); st.append(a + b)
            case Op.SUB: b, a = st.pop(), st.pop(); st.append(a - b)
            case Op.MUL: b, a = st.pop(), st.pop(); st.append(a * b)
            case Op.DUP: st.append(st[-1])
            case Op.SWAP: st[-1], st[-2] = st[-2], st[-1]
            case Op.OVER: st.append(st[-2])
            case Op.JZ:
                if st.pop() == 0: pc = arg[0]
            case Op.JMP: pc = arg[0]
            case Op.PRINT: print(st.pop())
            case Op.HALT: return steps
# factorial of 10: acc n
prog = [(Op.PUSH, 1), (Op.PUSH, 10), (Op.DUP,), (Op.JZ, 12), (Op.DUP,), (Op.PUSH, -1), (Op.ADD,), (Op.SWAP,), (Op.PUSH, 0), (Op.ADD,), (Op.JMP, 13), (Op.HALT,), (Op.JMP, 20), (Op.SWAP,), (Op.OVER,), (Op.MUL,), (Op.SWAP,), (Op.PUSH, -1), (Op.ADD,), (Op.JMP, 2), (Op.SUB,), (Op.PRINT,), (Op.HALT,)]
print(Op.PUSH, repr(Op.ADD), Op(3), Op["MUL"], list(Op)[:3], len(Op), Op.ADD.value)
run([(Op.PUSH, 2), (Op.PUSH, 3), (Op.MUL,), (Op.DUP,), (Op.ADD,), (Op.PRINT,), (Op.HALT,)], trace=True)
try: run([(Op.ADD,)])
except IndexError as e: print("IndexError:", e)
try: Op(99)
except ValueError as e: print(e)
try: Op["NOPE"]
except KeyError as e: print("KeyError", e)
