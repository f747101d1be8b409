# Text processing tools: textwrap, difflib, string.Template, shlex, reprlib, pprint.
import textwrap
import difflib
import string
import shlex
import reprlib
import pprint

LOREM = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen "
         "liquor jugs!  How vexingly quick daft zebras jump;\tsphinx of black quartz, "
         "judge my vow. supercalifragilisticexpialidocious-and-more words here.")
for width in (20, 33, 50):
    print(f"--- width {width}")
    print(textwrap.fill(LOREM, width=width))
print(textwrap.wrap(LOREM, 30, initial_indent="* ", subsequent_indent="  ",
                    max_lines=3, placeholder=" [...]"))
print(textwrap.shorten(LOREM, 40), "|", textwrap.shorten("a  b   c", 10))
print(textwrap.wrap("abcdefghijklmnopqrstuvwxyz", 7), textwrap.wrap("abc-def-ghi-jkl", 6))
print(textwrap.wrap("abcdefghij klm", 4, break_long_words=False))
print(textwrap.wrap("one two\nthree", 100, replace_whitespace=False, drop_whitespace=False))
print(repr(textwrap.dedent("""
    def f():
        return 1
      # odd
    """)))
print(textwrap.indent("a\n\nb\n", "> "), textwrap.indent("a\n\nb\n", "+", lambda l: True), sep="")
w = textwrap.TextWrapper(width=25, expand_tabs=True, tabsize=4, fix_sentence_endings=True)
print(w.wrap("Hello there.  This is\ta test. Mr. Smith went. OK."))

# difflib
a = """apple
banana
cherry
date
elderberry
fig""".splitlines(keepends=True)
b = """apple
blueberry
cherry
date
fig
grape""".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, fromfile="old.txt", tofile="new.txt", n=1)))
print("".join(difflib.context_diff(a, b, fromfile="old.txt", tofile="new.txt")))
print("".join(difflib.ndiff(["abcde\n", "xyz\n"], ["abxde\n", "xyz\n", "new\n"])))
sm = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 4), sm.quick_ratio(), sm.real_quick_ratio())
for op in sm.get_opcodes():
    print(op)
print(sm.get_matching_blocks())
print(sm.find_longest_match(0, 29, 0, 38))
print(list(sm.get_grouped_opcodes(1)))
sm2 = difflib.SequenceMatcher(lambda x: x == " ", "a b c d", "a x c y")
print(sm2.ratio())
words = ["apple", "ape", "apply", "peach", "puppy", "happy", "applet"]
print(difflib.get_close_matches("appel", words), difflib.get_close_matches("hapy", words, n=1, cutoff=0.5))
print(difflib.get_close_matches("zzz", words))
d = difflib.Differ()
print(list(d.compare(["one\n", "two\n"], ["one\n", "tree\n"])))
print(list(difflib.restore(difflib.ndiff(["a\n"], ["b\n"]), 2)))
print(difflib.IS_CHARACTER_JUNK(" "), difflib.IS_LINE_JUNK("  # \n"))
html = difflib.HtmlDiff(wrapcolumn=20).make_table(["a b c\n"], ["a B c\n"])
print(len(html) > 100, "<table" in html)

# string.Template
t = string.Template("Dear $name, you owe ${amount} dollars. $$5 fee. $missing")
print(t.safe_substitute(name="Ann", amount=12))
try:
    t.substitute(name="Ann", amount=12)
except KeyError as e:
    print("KeyError", e)
try:
    string.Template("bad $ here").substitute()
except ValueError as e:
    print("ValueError", e)
print(string.Template("$a$b").substitute({"a": 1}, b=2), t.get_identifiers(), t.is_valid())


class PctTemplate(string.Template):
    delimiter = "%"
    idpattern = r"[a-z]+"


print(PctTemplate("100%% of %who at %{place}").substitute(who="us", place="home"))
print(string.capwords("  hello   wORLD foo "), string.capwords("a-b-c", "-"))
print(string.ascii_letters[:5], string.punctuation, string.hexdigits, repr(string.whitespace))
f = string.Formatter()
print(f.format("{0:>5}|{x!r}|{y[1]}", 3, x="s", y=[0, 9]), list(f.parse("a{b:c}d{}")))

# shlex
cmd = """grep -rn --include='*.py' "def main" src/ | sort -u > out.txt # comment"""
print(shlex.split(cmd), shlex.split(cmd, comments=True))
print(shlex.quote("it's"), shlex.quote(""), shlex.quote("safe-word_1.txt"), shlex.join(["a b", "c", "$x"]))
lx = shlex.shlex("a=1; b='two words' && c", posix=True, punctuation_chars=True)
print(list(lx))
try:
    shlex.split('unterminated "quote')
except ValueError as e:
    print("ValueError", e)

# reprlib
r = reprlib.Repr()
r.maxlist = 3
r.maxstring = 12
print(r.repr(list(range(100))), r.repr("x" * 50), reprlib.repr({i: i for i in range(20)}))
print(reprlib.repr(set(range(30))), reprlib.repr(tuple(range(30))), reprlib.repr([[[[1]]]]))


class Node:
    def __init__(self, v):
        self.v = v
        self.kids = []

    @reprlib.recursive_repr()
    def __repr__(self):
        return f"Node({self.v}, {self.kids})"


n = Node(1)
n.kids.append(n)
print(n)

# pprint
data = {"users": [{"name": f"user{i}", "roles": ["admin", "dev"][: i % 3], "id": i * 1001}
                  for i in range(4)], "meta": {"count": 4, "tags": set("abc"), "t": (1, 2)}}
pprint.pprint(data, width=60)
pprint.pprint(data, width=40, depth=2, compact=True)
print(pprint.pformat(list(range(40)), width=50, compact=True))
print(pprint.pformat({"b": 1, "a": 2}, sort_dicts=False), pprint.isreadable([1, 2]), pprint.isrecursive([]))
pprint.pp({"z": 1, "a": [1] * 30}, width=30)
print(pprint.saferepr([n]) == repr([n]))
