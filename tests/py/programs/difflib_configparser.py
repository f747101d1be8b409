import difflib, configparser, io, textwrap

a = """def greet(name):
    print("Hello, " + name)
    return None

def farewell(name):
    print("Bye " + name)
""".splitlines(keepends=True)
b = """def greet(name: str) -> None:
    print(f"Hello, {name}")

def farewell(name):
    print("Bye " + name)
    print("See you")
""".splitlines(keepends=True)
print("".join(difflib.unified_diff(a, b, fromfile="old.py", tofile="new.py", fromfiledate="2024-01-01", tofiledate="2024-01-02")))
print("".join(difflib.context_diff(a, b, fromfile="old.py", tofile="new.py", n=1)))
print("".join(difflib.ndiff(["one\n", "two\n", "three\n"], ["ore\n", "two\n", "tree\n", "four\n"])))
sm = difflib.SequenceMatcher(None, "private Thread currentThread;", "private volatile Thread currentThread;")
print(round(sm.ratio(), 4), round(sm.quick_ratio(), 4), round(sm.real_quick_ratio(), 4))
for op in sm.get_opcodes():
    print(op)
print(sm.get_matching_blocks())
print(sm.find_longest_match(0, 29, 0, 38))
sm2 = difflib.SequenceMatcher(lambda x: x == " ", "a b c d", "a  b c  e")
print(sm2.get_grouped_opcodes(1).__class__.__name__, list(sm2.get_grouped_opcodes(1)))
print(difflib.get_close_matches("appel", ["ape", "apple", "peach", "puppy", "applet"]))
print(difflib.get_close_matches("wheel", ["while", "wheat", "whale", "steel"], n=2, cutoff=0.5))
print(difflib.IS_CHARACTER_JUNK(" "), difflib.IS_LINE_JUNK("  #\n"))
d = difflib.Differ()
print(list(d.compare(["abcdefg\n"], ["abcxefh\n"])))
print(list(difflib.restore(difflib.ndiff(["a\n"], ["b\n"]), 2)))
print("".join(difflib.unified_diff(["x"], ["y"], lineterm="")))
print(list(difflib.unified_diff([], [])))
hd = difflib.HtmlDiff(wrapcolumn=40)
table = hd.make_table(["line a", "line b"], ["line a", "line c"], "left", "right")
print(table.count("<tr>"), "diff_chg" in table)

cfg_text = textwrap.dedent("""
    [DEFAULT]
    base_dir = /srv/app
    log_level = INFO

    [paths]
    data = %(base_dir)s/data
    logs = %(base_dir)s/logs
    cache = %(data)s/cache

    [server]
    host = 0.0.0.0
    port = 8080
    debug = yes
    ratio = 0.75
    ; comment
    # another
    allowed =
        alpha
        beta

    [broken]
    loop = %(loop)s
    missing = %(nope)s
""")
cp = configparser.ConfigParser()
cp.read_string(cfg_text, source="app.ini")
print(cp.sections(), cp.defaults())
print(cp["paths"]["cache"], cp.get("paths", "logs"))
print(cp.getint("server", "port"), cp.getboolean("server", "debug"), cp.getfloat("server", "ratio"))
print(repr(cp["server"]["allowed"]), cp["server"].get("log_level"))
print(cp.get("server", "timeout", fallback=30), cp.getint("server", "nope", fallback=-1))
print(list(cp["server"].keys()))
print("host" in cp["server"], "paths" in cp, cp.has_option("paths", "base_dir"))
for key in ["loop", "missing"]:
    try:
        cp.get("broken", key)
    except configparser.Error as e:
        print(type(e).__name__, "|", e)
print(cp.get("broken", "missing", raw=True), cp.get("paths", "data", vars={"base_dir": "/tmp"}))
for bad in ["[s]\na=1\na=2\n", "[s]\n[s]\n", "no section\n", "[s]\n  indented\n", "[s\nx=1"]:
    try:
        configparser.ConfigParser().read_string(bad)
    except configparser.Error as e:
        print(type(e).__name__, "|", str(e).replace("\n", " / "))
try:
    cp.getint("server", "host")
except ValueError as e:
    print("VE", e)
try:
    cp.getboolean("server", "host")
except ValueError as e:
    print("VE", e)
try:
    cp["nosuch"]
except KeyError as e:
    print("KE", e)
try:
    cp.get("nosuch", "x")
except configparser.NoSectionError as e:
    print(type(e).__name__, e, e.section)
try:
    cp.get("server", "nosuch")
except configparser.NoOptionError as e:
    print(type(e).__name__, e, e.option, e.section)
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[a]\nx = 1\ny = ${x}2\n[b]\nz = ${a:y}3\nesc = $$HOME\n")
print(ext["b"]["z"], ext["b"]["esc"])
raw = configparser.RawConfigParser()
raw.read_string("[r]\nv = %(x)s 100%\n")
print(raw.get("r", "v"))
cp.set("server", "port", "9090")
cp["new"] = {"k": "v", "n": "1"}
cp.remove_option("server", "ratio")
cp.remove_section("broken")
out = io.StringIO()
cp.write(out)
print(out.getvalue())
try:
    cp.set("server", "port", 9090)
except TypeError as e:
    print("TE", e)
cs = configparser.ConfigParser(converters={"list": lambda s: [x.strip() for x in s.split(",")]})
cs.read_dict({"x": {"items": "a, b ,c", "Upper": "Keep"}})
print(cs.getlist("x", "items"), cs["x"].getlist("items"), list(cs["x"]))
cs.optionxform = str
cs.read_dict({"y": {"MiXed": "1"}})
print(list(cs["y"]))
