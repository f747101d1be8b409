# Interactive-program plumbing driven from strings: cmd.Cmd shells,
# code.InteractiveConsole, sched, atexit, gettext, locale (C locale),
# types.SimpleNamespace/MappingProxyType, contextvars, fileinput, filecmp.
import cmd
import code
import contextvars
import filecmp
import fileinput
import gettext
import io
import locale
import os
import sched
import sys
import tempfile
import types


class Shell(cmd.Cmd):
    intro = "Welcome to the test shell."
    prompt = "(s19) "
    doc_header = "Commands:"

    def __init__(self, stdin, stdout):
        super().__init__(stdin=stdin, stdout=stdout)
        self.use_rawinput = False
        self.total = 0

    def do_add(self, arg):
        """add N...: add numbers to the total"""
        try:
            self.total += sum(int(x) for x in arg.split())
        except ValueError:
            print(f"*** not a number: {arg!r}", file=self.stdout)
            return
        print("total", self.total, file=self.stdout)

    def do_show(self, arg):
        print("total is", self.total, file=self.stdout)

    def help_show(self):
        print("show: print the total", file=self.stdout)

    def complete_add(self, text, line, begidx, endidx):
        return [x for x in ("10", "100") if x.startswith(text)]

    def do_quit(self, arg):
        print("bye", file=self.stdout)
        return True

    def default(self, line):
        print("unknown:", line, file=self.stdout)

    def emptyline(self):
        pass

    def precmd(self, line):
        return line.strip()


out = io.StringIO()
sh = Shell(io.StringIO("add 1 2 3\nadd x\n\nshow\nhelp show\nhelp add\nfoo bar\n?\n!cmd\nquit\nadd 99\n"), out)
sh.cmdloop()
print(out.getvalue())
print(sh.completenames("sh"), sh.complete_add("1", "add 1", 4, 5), sh.onecmd("add 5"), sh.lastcmd)

console_out = io.StringIO()
ic = code.InteractiveConsole(locals={"base": 10})
lines = ["x = base * 2", "def f(n):", "    return n + x", "", "print(f(1))", "1/0", "y = (", "3)", "y", "undefined_name"]
old_out, old_err = sys.stdout, sys.stderr
sys.stdout = sys.stderr = console_out
try:
    for line in lines:
        more = ic.push(line)
        print(f"[more={more}]")
finally:
    sys.stdout, sys.stderr = old_out, old_err
print("\n".join(l for l in console_out.getvalue().splitlines() if not l.strip().startswith(("^", "~"))))
print(code.compile_command("if True:"), code.compile_command("(1 +") is None, type(code.compile_command("x = 1")).__name__)
try:
    code.compile_command("x = = 1")
except SyntaxError as e:
    print("SyntaxError", e.msg)

clock = [0.0]
s = sched.scheduler(lambda: clock[0], lambda d: clock.__setitem__(0, clock[0] + d))
log = []
s.enter(5, 1, log.append, ("five",))
s.enter(1, 2, log.append, ("one-low",))
s.enter(1, 1, log.append, ("one-high",))
ev = s.enterabs(3, 1, log.append, argument=("three",))
s.enter(2, 1, lambda object: log.append(object), kwargs={"object": "two"})
s.cancel(ev)
print(len(s.queue), s.empty())
s.run()
print(log, clock[0], s.empty())

gettext_t = gettext.NullTranslations()
_ = gettext_t.gettext
print(_("Hello"), gettext_t.ngettext("apple", "apples", 1), gettext_t.ngettext("apple", "apples", 3), gettext.gettext("x"))
try:
    gettext.translation("nosuchdomain", localedir="/nonexistent")
except OSError as e:
    print("OSError", e.errno, e.strerror)
print(gettext.translation("nosuchdomain", localedir="/nonexistent", fallback=True).gettext("fallback"))

print(locale.setlocale(locale.LC_ALL, "C"), locale.localeconv()["decimal_point"], locale.format_string("%.2f", 1234.5, grouping=True),
      locale.str(1.5), locale.atof("3.25"), locale.atoi("42"), locale.getlocale(locale.LC_NUMERIC))
try:
    locale.setlocale(locale.LC_ALL, "xx_NOPE.UTF-8")
except locale.Error as e:
    print("locale.Error", e)
print(locale.strxfrm("b") > locale.strxfrm("a"), locale.strcoll("a", "b") < 0, locale.normalize("en_us.utf8"))

ns = types.SimpleNamespace(a=1, b=[2])
ns.c = 3
print(ns, ns == types.SimpleNamespace(a=1, b=[2], c=3), vars(ns))
mp = types.MappingProxyType({"k": 1})
try:
    mp["k"] = 2
except TypeError as e:
    print("TypeError:", e)
print(mp, mp.copy(), mp | {"z": 0}, list(mp.items()))
print(types.FunctionType, types.new_class("Dyn", (object,), {}, lambda ns: ns.update(x=1)).x, types.coroutine.__name__)

user = contextvars.ContextVar("user", default="nobody")
print(user.get())
tok = user.set("ann")
ctx = contextvars.copy_context()
user.set("bob")
print(user.get(), ctx[user], ctx.run(user.get), list(ctx.keys()) == [user])
user.reset(tok)
print(user.get(), repr(user).startswith("<ContextVar name='user'"))
try:
    contextvars.ContextVar("nodefault").get()
except LookupError as e:
    print("LookupError", str(e).split(" at 0x")[0])

with tempfile.TemporaryDirectory() as d:
    for name, text in [("a.txt", "1\n2\n"), ("b.txt", "3\n4\n"), ("c.txt", "1\n2\n")]:
        with open(os.path.join(d, name), "w") as f:
            f.write(text)
    files = [os.path.join(d, n) for n in ("a.txt", "b.txt")]
    with fileinput.input(files=files) as fi:
        for line in fi:
            print(os.path.basename(fi.filename()), fi.lineno(), fi.filelineno(), fi.isfirstline(), line.strip())
    with fileinput.input(files=files, inplace=True, backup=".bak") as fi:
        for line in fi:
            print(line.strip() + "!")
    print(open(files[0]).read().split(), os.path.exists(files[0] + ".bak"))
    print(filecmp.cmp(files[0], os.path.join(d, "c.txt"), shallow=False), filecmp.cmp(files[0] + ".bak", os.path.join(d, "c.txt"), shallow=False))
    os.mkdir(os.path.join(d, "x"))
    os.mkdir(os.path.join(d, "y"))
    for sub, names in (("x", ["same", "diff", "onlyx"]), ("y", ["same", "diff", "onlyy"])):
        for n in names:
            with open(os.path.join(d, sub, n), "w") as f:
                f.write(n + (sub if n == "diff" else ""))
    dc = filecmp.dircmp(os.path.join(d, "x"), os.path.join(d, "y"))
    print(dc.left_only, dc.right_only, dc.common_files, dc.same_files, dc.diff_files)
    print(filecmp.cmpfiles(os.path.join(d, "x"), os.path.join(d, "y"), ["same", "diff", "nofile"], shallow=False))
