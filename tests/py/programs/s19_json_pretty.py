"""A JSON-like reader and pretty printer written from scratch (with
positions in error messages, comments and trailing commas allowed), checked
against the json module."""
import json
import math


class ParseError(ValueError):
    def __init__(self, msg, text, pos):
        line = text.count("\n", 0, pos) + 1
        col = pos - (text.rfind("\n", 0, pos) + 1) + 1
        super().__init__(f"{msg} at line {line} column {col}")
        self.pos, self.line, self.col = pos, line, col


class Reader:
    ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}

    def __init__(self, text):
        self.text = text
        self.i = 0

    def error(self, msg, pos=None):
        raise ParseError(msg, self.text, self.i if pos is None else pos)

    def ws(self):
        t = self.text
        while self.i < len(t):
            if t[self.i] in " \t\r\n":
                self.i += 1
            elif t.startswith("//", self.i):
                end = t.find("\n", self.i)
                self.i = len(t) if end < 0 else end + 1
            elif t.startswith("/*", self.i):
                end = t.find("*/", self.i + 2)
                if end < 0:
                    self.error("unterminated comment")
                self.i = end + 2
            else:
                break

    def parse(self):
        v = self.value()
        self.ws()
        if self.i != len(self.text):
            self.error(f"extra data {self.text[self.i]!r}")
        return v

    def value(self):
        self.ws()
        if self.i >= len(self.text):
            self.error("unexpected end of input")
        c = self.text[self.i]
        if c == "{":
            return self.obj()
        if c == "[":
            return self.arr()
        if c == '"':
            return self.string()
        for word, val in (("true", True), ("false", False), ("null", None), ("NaN", math.nan),
                          ("Infinity", math.inf), ("-Infinity", -math.inf)):
            if self.text.startswith(word, self.i):
                self.i += len(word)
                return val
        return self.number()

    def obj(self):
        self.i += 1
        out = {}
        while True:
            self.ws()
            if self.text.startswith("}", self.i):
                self.i += 1
                return out
            if self.i >= len(self.text) or self.text[self.i] != '"':
                self.error("expected string key")
            start = self.i
            key = self.string()
            if key in out:
                self.error(f"duplicate key {key!r}", start)
            self.ws()
            if not self.text.startswith(":", self.i):
                self.error("expected ':'")
            self.i += 1
            out[key] = self.value()
            self.ws()
            if self.text.startswith(",", self.i):
                self.i += 1
            elif not self.text.startswith("}", self.i):
                self.error("expected ',' or '}'")

    def arr(self):
        self.i += 1
        out = []
        while True:
            self.ws()
            if self.text.startswith("]", self.i):
                self.i += 1
                return out
            out.append(self.value())
            self.ws()
            if self.text.startswith(",", self.i):
                self.i += 1
            elif not self.text.startswith("]", self.i):
                self.error("expected ',' or ']'")

    def string(self):
        t = self.text
        self.i += 1
        parts = []
        while True:
            if self.i >= len(t):
                self.error("unterminated string")
            c = t[self.i]
            if c == '"':
                self.i += 1
                return "".join(parts)
            if c == "\\":
                e = t[self.i + 1:self.i + 2]
                if e == "u":
                    code = int(t[self.i + 2:self.i + 6], 16)
                    self.i += 6
                    if 0xD800 <= code < 0xDC00 and t.startswith("\\u", self.i):
                        low = int(t[self.i + 2:self.i + 6], 16)
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        self.i += 6
                    parts.append(chr(code))
                    continue
                if e not in self.ESCAPES:
                    self.error(f"bad escape \\{e}")
                parts.append(self.ESCAPES[e])
                self.i += 2
                continue
            if ord(c) < 0x20:
                self.error("control character in string")
            parts.append(c)
            self.i += 1

    def number(self):
        t = self.text
        start = self.i
        if t.startswith("-", self.i):
            self.i += 1
        while self.i < len(t) and (t[self.i].isdigit() or t[self.i] in ".eE+-"):
            self.i += 1
        s = t[start:self.i]
        if not s or s == "-":
            self.error(f"unexpected character {t[start]!r}", start)
        try:
            return int(s) if s.lstrip("-").isdigit() else float(s)
        except ValueError:
            self.error(f"bad number {s!r}", start)


def pretty(v, indent=0, width=60):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return "{}"
        flat = "{" + ", ".join(f"{json.dumps(k)}: {pretty(x, 0, 10 ** 9)}" for k, x in v.items()) + "}"
        if len(flat) + len(pad) <= width:
            return flat
        inner = ",\n".join(f"{pad}  {json.dumps(k)}: {pretty(x, indent + 1, width)}" for k, x in v.items())
        return "{\n" + inner + "\n" + pad + "}"
    if isinstance(v, list):
        if not v:
            return "[]"
        flat = "[" + ", ".join(pretty(x, 0, 10 ** 9) for x in v) + "]"
        if len(flat) + len(pad) <= width:
            return flat
        return "[\n" + ",\n".join(f"{pad}  {pretty(x, indent + 1, width)}" for x in v) + "\n" + pad + "]"
    if isinstance(v, float):
        if math.isnan(v):
            return "NaN"
        if math.isinf(v):
            return "Infinity" if v > 0 else "-Infinity"
        return repr(v)
    return json.dumps(v, ensure_ascii=False)


DOC = r"""
// configuration for the service
{
  "name": "svc-\u00e9\ud83d\ude00",   /* unicode and a surrogate pair */
  "version": 3,
  "ratio": 0.125,
  "big": 123456789012345678901234567890,
  "neg": -1.5e-3,
  "flags": [true, false, null,],
  "limits": {"cpu": 2.5, "mem": "512M", "disks": [{"id": 1, "size": 100}, {"id": 2, "size": 250.0}]},
  "escapes": "tab\there \"quoted\" back\\slash \/ nl\n",
  "special": [NaN, Infinity, -Infinity],
  "empty": {"a": [], "b": {}},
}
"""

data = Reader(DOC).parse()
print(pretty(data))
print(data["name"], len(data["name"]), data["big"] + 1, data["escapes"])
strict = DOC.split("\n", 2)[2].replace(",]", "]").replace(",\n}", "\n}")
strict = strict.split("/*")[0] + strict.split("*/")[1]
ref = json.loads(strict)
same = all((a == b) or (isinstance(a, float) and math.isnan(a) and math.isnan(b))
           for a, b in zip(json.dumps(ref, sort_keys=True), json.dumps(data, sort_keys=True)))
print("matches json module:", same, sorted(ref) == sorted(data))
print(json.dumps(data, indent=2, sort_keys=True)[:200])
print(pretty(data, width=30).count("\n"), pretty([1, [2, [3, [4, []]]]], width=8))

for bad in ['{"a": 1,, }', '[1 2]', '{"a" 1}', '"abc', '{"a": tru}', '[1, 2', '{"x": 1, "x": 2}', '  ', '"\\q"',
            '[-]', '{"a": "line\nbreak"}', '/* open', '[1.2.3]', '{1: 2}', '[] []']:
    try:
        print(repr(bad), "->", Reader(bad).parse())
    except ParseError as e:
        try:
            json.loads(bad)
            ref_err = "ok in json"
        except json.JSONDecodeError as je:
            ref_err = f"json: {je.msg} (line {je.lineno} col {je.colno})"
        print(f"{bad!r:<24} {e}  |  {ref_err}")
