"""A small template engine: {{ expr|filter }}, {% for %}, {% if %}/{% else %},
{% include %}, autoescaping with html.escape, compiled to Python source and
exec'd; plus string.Formatter and string.Template side by side."""
import html
import re
import string
import textwrap

TOKEN_RE = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.S)


class TemplateError(Exception):
    pass


FILTERS = {
    "upper": str.upper, "lower": str.lower, "title": str.title, "length": len,
    "join": lambda xs, sep=", ": sep.join(map(str, xs)), "default": lambda v, d="": v if v else d,
    "money": lambda v: f"${v:,.2f}", "truncate": lambda s, n=10: s if len(s) <= n else s[:n - 3] + "...",
    "safe": lambda v: Markup(v), "first": lambda xs: xs[0], "reverse": lambda xs: list(reversed(xs)),
}


class Markup(str):
    pass


def escape(v):
    return v if isinstance(v, Markup) else html.escape(str(v))


class Template:
    def __init__(self, source, name="<template>", loader=None):
        self.name = name
        self.loader = loader or {}
        self.code = self.compile(source)
        try:
            self.fn = compile(self.code, name, "exec")
        except SyntaxError as e:
            raise TemplateError(f"{name}: bad expression: {e.msg}") from None

    def expr(self, text):
        parts = [p.strip() for p in text.split("|")]
        code = parts[0]
        for f in parts[1:]:
            m = re.fullmatch(r"(\w+)(?:\((.*)\))?", f)
            if not m or m.group(1) not in FILTERS:
                raise TemplateError(f"{self.name}: unknown filter {f!r}")
            args = f", {m.group(2)}" if m.group(2) else ""
            code = f"_f[{m.group(1)!r}]({code}{args})"
        return code

    def compile(self, source):
        lines = ["def _render(_ctx, _f, _esc, _inc):", "    _out = []", "    _w = _out.append",
                 "    globals().update(_ctx)"]
        indent = 1
        stack = []
        for tok in TOKEN_RE.split(source):
            pad = "    " * indent
            if tok.startswith("{#"):
                continue
            if tok.startswith("{{"):
                lines.append(f"{pad}_w(_esc({self.expr(tok[2:-2])}))")
            elif tok.startswith("{%"):
                words = tok[2:-2].strip().split(None, 1)
                if not words:
                    raise TemplateError(f"{self.name}: empty tag")
                kw, rest = words[0], (words[1] if len(words) > 1 else "")
                if kw in ("for", "if"):
                    lines.append(f"{pad}{kw} {rest}:")
                    stack.append(kw)
                    indent += 1
                elif kw in ("else", "elif"):
                    if not stack or stack[-1] != "if":
                        raise TemplateError(f"{self.name}: {kw} outside if")
                    lines.append(f"{'    ' * (indent - 1)}{kw} {rest}:".replace(" :", ":"))
                elif kw in ("endfor", "endif"):
                    if not stack or stack.pop() != kw[3:]:
                        raise TemplateError(f"{self.name}: unexpected {kw}")
                    indent -= 1
                elif kw == "include":
                    lines.append(f"{pad}_w(_inc({rest}, {{**globals(), **locals()}}))")
                elif kw == "set":
                    lines.append(f"{pad}{rest}")
                else:
                    raise TemplateError(f"{self.name}: unknown tag {kw!r}")
            elif tok:
                lines.append(f"{pad}_w({tok!r})")
        if stack:
            raise TemplateError(f"{self.name}: unclosed {stack[-1]}")
        lines.append("    return ''.join(_out)")
        return "\n".join(lines)

    def render(self, **ctx):
        ns = {}
        exec(self.fn, ns)

        def include(name, inner_ctx):
            if name not in self.loader:
                raise TemplateError(f"template {name!r} not found")
            sub = Template(self.loader[name], name, self.loader)
            return Markup(sub.render(**{k: v for k, v in inner_ctx.items() if not k.startswith("_")}))
        return ns["_render"](ctx, FILTERS, escape, include)


LOADER = {
    "header.html": "<h1>{{ title|upper }}</h1>\n",
    "item.html": "<li>{{ item.name|title }} - {{ item.price|money }}{% if item.tags %} [{{ item.tags|join(' / ') }}]{% endif %}</li>\n",
}
PAGE = """{% include 'header.html' %}{# a comment that disappears #}
<p>Hello, {{ user|default('guest') }}! You have {{ items|length }} item(s).</p>
<ul>
{% for item in items %}{% include 'item.html' %}{% endfor %}</ul>
{% if total > 100 %}<b>Free shipping!</b>{% elif total > 0 %}Total: {{ total|money }}{% else %}Empty cart.{% endif %}
<p>{{ note }}</p><p>{{ note|safe }}</p><p>{{ motto|truncate(12) }}</p>
{% set n = len(items) %}{% for i in range(n) %}{{ i }}{% if i < n - 1 %},{% endif %}{% endfor %}
"""


class Item:
    def __init__(self, name, price, tags=()):
        self.name, self.price, self.tags = name, price, list(tags)


items = [Item("widget", 12.5, ["new"]), Item("big gadget", 99.99), Item("doohickey", 0.5, ["sale", "<hot>"])]
page = Template(PAGE, "page.html", LOADER)
print(page.render(title="Shop", user="Zoë", items=items, total=sum(i.price for i in items),
                  note="<script>alert('x')</script> & more", motto="Quality since forever"))
print(page.render(title="empty", user="", items=[], total=0, note="", motto="short"))
print(page.code.splitlines()[4])

for bad in ["{% for x in y %}never closed", "{% endif %}", "{{ x|nope }}", "{% frobnicate %}", "{{ 1 + }}",
            "{% include 'missing.html' %}", "{% else %}", "{{ undefined_name }}"]:
    try:
        print(repr(Template(bad, "bad", LOADER).render()))
    except TemplateError as e:
        print("TemplateError:", e)
    except NameError as e:
        print("NameError:", e)


class DefaultFormatter(string.Formatter):
    def get_value(self, key, args, kwargs):
        if isinstance(key, str):
            return kwargs.get(key, f"<{key}?>")
        return super().get_value(key, args, kwargs)

    def format_field(self, value, spec):
        if spec.endswith("!"):
            return super().format_field(value, spec[:-1]).upper() + "!"
        return super().format_field(value, spec)


fmt = DefaultFormatter()
print(fmt.format("{0} meets {name} and {other} ({n:>5.1f}) {shout:!}", "Ann", name="Bob", n=3.14159, shout="hey"))
print(list(string.Formatter().parse("a{0}b{x!r:>3}c{{d}}")))
t = string.Template("$user bought ${count} items for $$${price}")
print(t.substitute(user="ann", count=3, price="9.99"), t.safe_substitute(user="bob"))
try:
    t.substitute(user="x")
except KeyError as e:
    print("KeyError:", e)
try:
    string.Template("bad $").substitute()
except ValueError as e:
    print("ValueError:", e)
print(t.get_identifiers() if hasattr(t, "get_identifiers") else "", t.is_valid() if hasattr(t, "is_valid") else "")
print(html.escape("<a href='x'>&</a>"), html.escape('"q"', quote=False), html.unescape("&lt;p&gt; &amp;amp; &#x41;&#66; &eacute; &notanentity;"))
print(textwrap.fill(page.render(title="t", user="u", items=items[:1], total=5, note="n", motto="m").replace("\n", " "), 50))
