import re
TOKEN_SPEC = [("NUMBER", r"\d+(\.\d*)?"), ("IDENT", r"[A-Za-z_]\w*"), ("OP", r"[+\-*/()=]"), ("SKIP", r"[ \t]+"), ("MISMATCH", r".")]
MASTER = re.compile("|".join(f"(?P<{n}>{p})" for n, p in TOKEN_SPEC))
def tokenize(src):
    for m in MASTER.finditer(src):
        kind, text = m.lastgroup, m.group()
        if kind == "SKIP":
            continue
        if kind == "MISMATCH":
            raise SyntaxError(f"unexpected {text!r} at {m.start()}")
        yield kind, text
print(list(tokenize("x = 3.5 * (y + 42)")))
def parse_expr(tokens):
    pos = 0
    def peek():
        return tokens[pos][1] if pos < len(tokens) else None
    def advance():
        nonlocal pos
        pos += 1
        return tokens[pos - 1]
    def atom():
        kind, text = advance()
        if text == "(":
            v = expr()
            advance()
            return v
        if text == "-":
            return -atom()
        return float(text) if kind == "NUMBER" else env[text]
    def term():
        v = atom()
        while peek() in ("*", "/"):
            op = advance()[1]
            v = v * atom() if op == "*" else v / atom()
        return v
    def expr():
        v = term()
        while peek() in ("+", "-"):
            op = advance()[1]
            v = v + term() if op == "+" else v - term()
        return v
    return expr()
env = {"y": 2, "pi": 3.0}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "y * (pi - 1) / 4", "-3 + 10", "2 * 2 * 2 - 1"]:
    print(src, "=", parse_expr(list(tokenize(src))))
try:
    list(tokenize("3 $ 4"))
except SyntaxError as e:
    print(type(e).__name__, e)
