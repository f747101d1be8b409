import html, re, textwrap
from html.parser import HTMLParser

MD = textwrap.dedent("""\
    # Title with <tags> & "quotes"

    Some *emphasis*, **strong**, `code <b>` and a [link](http://x.com/?a=1&b=2 "T").
    Second line of the same paragraph.

    ## List section
    - item one
    - item **two**
      continued
    - item `three`

    1. first
    2. second

    > quoted text
    > more quote

    ```python
    def f(x):
        return x < 3 and x > 1
    ```

    ---
    Final paragraph with an image ![alt & text](/img.png) and escaped \*stars\*.
    """)

INLINE = [
    (re.compile(r"`([^`]+)`"), lambda m: "<code>" + m.group(1) + "</code>"),
    (re.compile(r"!\[([^\]]*)\]\(([^)\s]+)\)"), lambda m: f'<img src="{m.group(2)}" alt="{m.group(1)}">'),
    (re.compile(r'\[([^\]]+)\]\(([^)\s]+)(?:\s+"([^"]*)")?\)'),
     lambda m: f'<a href="{m.group(2)}"' + (f' title="{m.group(3)}"' if m.group(3) else "") + f">{m.group(1)}</a>"),
    (re.compile(r"\*\*(.+?)\*\*"), r"<strong>\1</strong>"),
    (re.compile(r"(?<![\\*])\*(?!\*)(.+?)(?<!\\)\*"), r"<em>\1</em>"),
    (re.compile(r"\\([*_`])"), r"\1"),
]

def inline(text):
    text = html.escape(text, quote=False)
    codes = []
    def stash(m):
        codes.append(m.group(0))
        return f"\x00{len(codes) - 1}\x00"
    text = re.sub(r"`[^`]+`", stash, text)
    for pat, rep in INLINE[1:]:
        text = pat.sub(rep, text)
    text = re.sub("\x00(\\d+)\x00", lambda m: INLINE[0][0].sub(INLINE[0][1], codes[int(m.group(1))]), text)
    return text

def convert(md):
    out, para, i = [], [], 0
    lines = md.split("\n")
    def flush():
        if para:
            out.append("<p>" + inline(" ".join(para)) + "</p>")
            para.clear()
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            flush()
            lang = line[3:].strip()
            body = []
            i += 1
            while i < len(lines) and not lines[i].startswith("```"):
                body.append(lines[i]); i += 1
            cls = f' class="language-{lang}"' if lang else ""
            out.append(f"<pre><code{cls}>" + html.escape("\n".join(body)) + "</code></pre>")
        elif m := re.match(r"(#{1,6})\s+(.*)", line):
            flush()
            n = len(m.group(1))
            slug = re.sub(r"[^a-z0-9]+", "-", m.group(2).lower()).strip("-")
            out.append(f'<h{n} id="{slug}">{inline(m.group(2))}</h{n}>')
        elif re.fullmatch(r"-{3,}", line):
            flush(); out.append("<hr>")
        elif re.match(r"[-*] ", line) or re.match(r"\d+\. ", line):
            flush()
            ordered = bool(re.match(r"\d+\.", line))
            tag = "ol" if ordered else "ul"
            items = []
            while i < len(lines) and (re.match(r"[-*] |\d+\. ", lines[i]) or (lines[i].startswith("  ") and items)):
                if lines[i].startswith("  "):
                    items[-1] += " " + lines[i].strip()
                else:
                    items.append(re.sub(r"^([-*]|\d+\.) ", "", lines[i]))
                i += 1
            out.append(f"<{tag}>" + "".join(f"<li>{inline(it)}</li>" for it in items) + f"</{tag}>")
            continue
        elif line.startswith(">"):
            flush()
            quote = []
            while i < len(lines) and lines[i].startswith(">"):
                quote.append(lines[i].lstrip("> ")); i += 1
            out.append("<blockquote>" + inline(" ".join(quote)) + "</blockquote>")
            continue
        elif not line.strip():
            flush()
        else:
            para.append(line.strip())
        i += 1
    flush()
    return "\n".join(out)

doc = convert(MD)
print(doc)

class Outline(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.events, self.text = [], [], []
    def handle_starttag(self, tag, attrs):
        if tag not in ("img", "hr", "br"):
            self.stack.append(tag)
        if attrs:
            self.events.append((tag, dict(attrs)))
    def handle_startendtag(self, tag, attrs):
        self.events.append(("empty", tag, attrs))
    def handle_endtag(self, tag):
        assert self.stack.pop() == tag, tag
    def handle_data(self, data):
        if self.stack and self.stack[-1] in ("h1", "h2"):
            self.text.append(data)
p = Outline()
p.feed(doc)
p.close()
print(p.events)
print(p.text, p.stack)
print(html.unescape("&lt;&amp;&gt;&quot;&#39;&#x41;&eacute;&notanentity;&amp"), html.escape("<a href='x'>\"&</a>"))
p2 = HTMLParser()
p2.feed("<div><p>unclosed <br/> <!-- comment --> <![CDATA[x]]> &copy; <?pi x?></div>")
print(p2.getpos(), p2.get_starttag_text())
