# Application configuration: configparser (interpolation, types, sections),
# a layered settings object with ChainMap, and getopt for an old-style CLI.
import configparser
import getopt
import io
import os
from collections import ChainMap

INI = """
[DEFAULT]
base_dir = /srv/app
debug = no
timeout = 30

[server]
host = 0.0.0.0
port = 8080
log_dir = %(base_dir)s/logs
ratio = 0.75
debug = yes

[database]
url = postgres://db:5432/%(name)s
name = inventory
pool = 5
# comment line
; another comment
options =
    sslmode=require
    connect_timeout=10

[empty]
"""
cp = configparser.ConfigParser()
cp.read_string(INI)
print(cp.sections(), cp.defaults(), list(cp["server"]))
s = cp["server"]
print(s["log_dir"], s.getint("port"), s.getfloat("ratio"), s.getboolean("debug"), cp.getboolean("database", "debug"))
print(cp.get("database", "url"), repr(cp.get("database", "options")), cp.getint("database", "pool"))
print(cp.get("server", "missing", fallback="fb"), s.get("missing", "dflt"), cp.has_option("empty", "timeout"))
print(cp.get("server", "log_dir", raw=True), cp.get("server", "log_dir", vars={"base_dir": "/tmp"}))
print(dict(cp.items("empty")), cp.items("server", raw=True)[:2])
for sec, opt in [("nosuch", "x"), ("server", "nosuch")]:
    try:
        cp.get(sec, opt)
    except (configparser.NoSectionError, configparser.NoOptionError) as e:
        print(type(e).__name__, e)
try:
    cp.getint("server", "host")
except ValueError as e:
    print("ValueError:", e)
try:
    cp.getboolean("server", "host")
except ValueError as e:
    print("ValueError:", e)
bad = configparser.ConfigParser()
for text in ["[a]\nx=1\n[a]\n", "[a]\nx=1\nx=2\n", "no section\n", "[a]\nx = %(nope)s\n", "[a]\ny = %(y)s\n", "[a\n"]:
    try:
        bad = configparser.ConfigParser()
        bad.read_string(text)
        print(bad.get("a", "x" if "x" in bad["a"] else "y"))
    except (configparser.Error, KeyError) as e:
        print(type(e).__name__, "|", e)

cp.set("server", "port", "9090")
cp["new"] = {"k": "v", "n": "1"}
cp.remove_option("server", "ratio")
cp.add_section("zzz")
try:
    cp.add_section("zzz")
except configparser.DuplicateSectionError as e:
    print("DuplicateSectionError:", e)
try:
    cp.set("server", "port", 9090)
except TypeError as e:
    print("TypeError:", e)
out = io.StringIO()
cp.write(out)
print(out.getvalue())
raw = configparser.RawConfigParser()
raw.read_string("[x]\np = 100%\n")
print(raw.get("x", "p"))
ext = configparser.ConfigParser(interpolation=configparser.ExtendedInterpolation())
ext.read_string("[paths]\nhome = /h\ndata = ${home}/d\n[other]\nf = ${paths:data}/f.txt\n")
print(ext["other"]["f"])
custom = configparser.ConfigParser(delimiters=(":",), comment_prefixes=("#",), inline_comment_prefixes=(";",),
                                   allow_no_value=True, converters={"list": lambda v: [x.strip() for x in v.split(",")]})
custom.read_string("[s]\nitems: a, b ,c ; trailing\nflag\nKey: V\n")
print(custom.getlist("s", "items"), custom.get("s", "flag"), custom.get("s", "key"), custom.optionxform("ABC"))
cs = configparser.ConfigParser()
cs.optionxform = str
cs.read_dict({"S": {"CamelKey": 1}})
try:
    cs.read_dict({"S": {"n": None}})
except TypeError as e:
    print("TypeError:", e)
print(list(cs["S"]), cs["S"]["CamelKey"])

defaults = {"color": "auto", "width": "80", "verbose": "0"}
env = {k[4:].lower(): v for k, v in {"APP_WIDTH": "100", "OTHER": "x"}.items() if k.startswith("APP_")}
cli_opts, args = getopt.getopt(["-v", "--color=never", "-w", "120", "file1", "file2"], "vw:", ["color=", "verbose", "width="])
print(cli_opts, args)
cli = {}
for o, a in cli_opts:
    if o in ("-v", "--verbose"):
        cli["verbose"] = str(int(cli.get("verbose", "0")) + 1)
    elif o in ("-w", "--width"):
        cli["width"] = a
    elif o == "--color":
        cli["color"] = a
settings = ChainMap(cli, env, defaults)
print(dict(settings), settings.maps.index(env))
print(getopt.gnu_getopt(["a", "-v", "b", "--width", "3"], "v", ["width="]))
for argv in [["-x"], ["-w"], ["--colr=1"], ["--verbose=3"], ["--co", "x"]]:
    try:
        print(getopt.getopt(argv, "vw:", ["color=", "colour=", "verbose", "width="]))
    except getopt.GetoptError as e:
        print("GetoptError:", e, "|", e.opt, "|", e.msg)
