"""A spreadsheet: cells hold numbers, text or formulas (=A1+B2*2, =SUM(A1:A3));
dependencies are tracked, recalculation is ordered with graphlib, cycles and
errors show as #CYCLE!, #DIV/0!, #REF!, #NAME?, #VALUE!."""
import re
import graphlib
import operator
import math
from collections import defaultdict

CELL = re.compile(r"\$?([A-Z]+)\$?([1-9][0-9]*)")
TOKEN = re.compile(r"\s*(?:(?P<num>\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)|(?P<range>[A-Z]+[0-9]+:[A-Z]+[0-9]+)"
                   r"|(?P<cell>\$?[A-Z]+\$?[0-9]+)|(?P<func>[A-Z]+)\(|(?P<str>\"[^\"]*\")|(?P<op><=|>=|<>|[-+*/^&(),<>=%]))")


class CellError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + (ord(ch) - 64)
    return n


def col_letters(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def expand(rng):
    a, b = rng.split(":")
    (c1, r1), (c2, r2) = CELL.fullmatch(a).groups(), CELL.fullmatch(b).groups()
    for c in range(min(col_index(c1), col_index(c2)), max(col_index(c1), col_index(c2)) + 1):
        for r in range(min(int(r1), int(r2)), max(int(r1), int(r2)) + 1):
            yield f"{col_letters(c)}{r}"


FUNCS = {
    "SUM": lambda *a: sum(a), "AVG": lambda *a: sum(a) / len(a) if a else _raise("#DIV/0!"),
    "MIN": min, "MAX": max, "ABS": abs, "ROUND": lambda x, n=0: round(x, int(n)),
    "SQRT": lambda x: math.sqrt(x) if x >= 0 else _raise("#NUM!"), "IF": lambda c, a, b=0: a if c else b,
    "LEN": lambda s: len(str(s)), "CONCAT": lambda *a: "".join(map(fmt, a)), "COUNT": lambda *a: len(a),
}
BINOPS = {"+": (1, operator.add), "-": (1, operator.sub), "*": (2, operator.mul), "/": (2, operator.truediv),
          "^": (3, operator.pow), "&": (0, lambda a, b: fmt(a) + fmt(b)), "=": (-1, operator.eq),
          "<>": (-1, operator.ne), "<": (-1, operator.lt), ">": (-1, operator.gt), "<=": (-1, operator.le), ">=": (-1, operator.ge)}


def _raise(code):
    raise CellError(code)


def fmt(v):
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, float):
        return f"{v:.6g}"
    return str(v)


class Sheet:
    def __init__(self):
        self.raw = {}
        self.values = {}
        self.deps = defaultdict(set)

    def set(self, ref, text):
        self.raw[ref] = text
        self.recalc()

    def refs_of(self, text):
        if not isinstance(text, str) or not text.startswith("="):
            return set()
        out = set()
        for m in TOKEN.finditer(text[1:]):
            if m.group("range"):
                out.update(expand(m.group("range")))
            elif m.group("cell"):
                out.add(m.group("cell").replace("$", ""))
        return out

    def recalc(self):
        graph = {ref: self.refs_of(t) for ref, t in self.raw.items()}
        self.values.clear()
        ts = graphlib.TopologicalSorter(graph)
        try:
            order = list(ts.static_order())
        except graphlib.CycleError as e:
            cycle = set(e.args[1])
            for ref in cycle:
                self.values[ref] = "#CYCLE!"
            remaining = {r: d for r, d in graph.items() if r not in cycle}
            order = []
            pending = dict(remaining)
            while pending:
                ready = [r for r, d in pending.items() if all(x not in pending for x in d)]
                if not ready:
                    for r in pending:
                        self.values[r] = "#CYCLE!"
                    break
                for r in sorted(ready):
                    order.append(r)
                    del pending[r]
        for ref in order:
            if ref in self.values:
                continue
            self.values[ref] = self.evaluate(ref)

    def evaluate(self, ref):
        text = self.raw.get(ref)
        if text is None:
            return 0
        if not text.startswith("="):
            try:
                return float(text) if "." in text or "e" in text.lower() else int(text)
            except ValueError:
                return text
        try:
            toks = [m for m in TOKEN.finditer(text[1:])]
            if "".join(m.group(0) for m in toks).replace(" ", "") != text[1:].replace(" ", ""):
                raise CellError("#NAME?")
            val, pos = self.parse_expr(toks, 0, -1)
            if pos != len(toks):
                raise CellError("#NAME?")
            return val
        except CellError as e:
            return e.code
        except ZeroDivisionError:
            return "#DIV/0!"
        except (TypeError, ValueError):
            return "#VALUE!"
        except OverflowError:
            return "#NUM!"

    def cell_value(self, ref):
        v = self.values.get(ref, 0) if ref in self.raw else 0
        if isinstance(v, str) and v.startswith("#"):
            raise CellError(v)
        return v

    def parse_expr(self, toks, pos, min_prec):
        left, pos = self.parse_atom(toks, pos)
        while pos < len(toks):
            op = toks[pos].group("op")
            if op not in BINOPS or BINOPS[op][0] <= min_prec:
                break
            prec, fn = BINOPS[op]
            right, pos = self.parse_expr(toks, pos + 1, prec - (op == "^"))
            left = fn(left, right)
        return left, pos

    def parse_atom(self, toks, pos):
        if pos >= len(toks):
            raise CellError("#NAME?")
        m = toks[pos]
        kind = m.lastgroup
        if kind == "num":
            t = m.group("num")
            return (float(t) if "." in t or "e" in t.lower() else int(t)), pos + 1
        if kind == "str":
            return m.group("str")[1:-1], pos + 1
        if kind == "cell":
            return self.cell_value(m.group("cell").replace("$", "")), pos + 1
        if kind == "range":
            raise CellError("#VALUE!")
        if kind == "func":
            name = m.group("func")
            if name not in FUNCS:
                raise CellError("#NAME?")
            args, pos = [], pos + 1
            while toks[pos].group("op") != ")":
                if toks[pos].lastgroup == "range":
                    args.extend(self.cell_value(r) for r in expand(toks[pos].group("range")))
                    pos += 1
                else:
                    v, pos = self.parse_expr(toks, pos, -2)
                    args.append(v)
                if toks[pos].group("op") == ",":
                    pos += 1
            return FUNCS[name](*args), pos + 1
        if m.group("op") == "(":
            v, pos = self.parse_expr(toks, pos + 1, -2)
            if pos >= len(toks) or toks[pos].group("op") != ")":
                raise CellError("#NAME?")
            return v, pos + 1
        if m.group("op") == "-":
            v, pos = self.parse_atom(toks, pos + 1)
            return -v, pos
        raise CellError("#NAME?")

    def show(self, rows, cols):
        w = 10
        print("    " + "".join(f"{col_letters(c):^{w}}" for c in range(1, cols + 1)))
        for r in range(1, rows + 1):
            cells = []
            for c in range(1, cols + 1):
                ref = f"{col_letters(c)}{r}"
                v = self.values.get(ref, "")
                s = fmt(v)
                cells.append(f"{s:>{w}.{w}}" if isinstance(v, (int, float)) else f"{s:<{w}.{w}}")
            print(f"{r:>3} " + "".join(cells))


sh = Sheet()
for ref, text in [("A1", "10"), ("A2", "20"), ("A3", "30.5"), ("A4", "=SUM(A1:A3)"), ("B1", "=A1*2"),
                  ("B2", "=B1+A2/4"), ("B3", "=AVG(A1:A3)"), ("B4", "=A4/(A1-10)"), ("C1", "label"),
                  ("C2", "=C1&\" \"&A1"), ("C3", "=2^3^2"), ("C4", "=IF(A1>5, \"big\", \"small\")"),
                  ("D1", "=D2+1"), ("D2", "=D1+1"), ("D3", "=D1*0"), ("D4", "=NOPE(1)"), ("E1", "=C1+1"),
                  ("E2", "=ROUND(SQRT(A2), 3)"), ("E3", "=-A1+-(2*3)"), ("E4", "=MAX(A1:B3)-MIN(A1:B3)"),
                  ("F1", "=1e308*10"), ("F2", "=LEN(C1)&\"!\""), ("F3", "=(1+2"), ("F4", "=A1=10")]:
    sh.raw[ref] = text
sh.recalc()
sh.show(4, 6)
print()
sh.set("A1", "5")
sh.set("D1", "7")
sh.show(4, 6)
print(col_index("AZ"), col_letters(52), col_letters(703), list(expand("B2:A1")))
print(sorted(k for k, v in sh.values.items() if isinstance(v, str) and v.startswith("#")))
