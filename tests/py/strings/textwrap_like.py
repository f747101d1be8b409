def wrap(text, width):
    words = text.split()
    lines, line = [], ""
    for w in words:
        if line and len(line) + 1 + len(w) > width:
            lines.append(line)
            line = w
        else:
            line = f"{line} {w}" if line else w
    if line:
        lines.append(line)
    return lines
text = "The quick brown fox jumps over the lazy dog and keeps running far away into the distance"
for width in (10, 25, 40):
    for l in wrap(text, width):
        print(f"|{l:<{width}}|")
import textwrap
print(textwrap.wrap(text, 30))
print(textwrap.fill("short", 10), repr(textwrap.dedent("    a\n      b\n")), repr(textwrap.indent("x\ny\n", "> ")))
print(textwrap.shorten("Hello world, this is long", width=15))
