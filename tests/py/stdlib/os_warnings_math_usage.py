# os/os.path, warnings and math as programs use them.
import os, os.path as P, warnings, math, sys

print(P.join("a", "b", "c.txt"), P.join("/x", "/abs", "y"), P.join("a", ""), P.join("", "b"))
print(P.split("/usr/lib/py.so"), P.split("file"), P.split("/"), P.splitext("arch.tar.gz"), P.splitext(".bashrc"))
print(P.basename("/a/b/"), P.basename("/a/b"), P.dirname("/a/b/c"), P.dirname("c"), P.normpath("/a//b/../c/./d"))
print(P.isabs("/x"), P.isabs("x"), P.commonprefix(["/usr/lib", "/usr/local"]), P.commonpath(["/usr/lib", "/usr/local"]))
print(P.relpath("/a/b/c", "/a"), P.relpath("/a", "/a/b/c"), P.splitdrive("/x/y"), P.expanduser("~") != "~")
base = "/tmp/ftpy_os_usage_%d" % os.getpid()
os.makedirs(P.join(base, "sub", "deep"))
os.makedirs(P.join(base, "sub"), exist_ok=True)
try:
    os.makedirs(P.join(base, "sub"))
except FileExistsError as e:
    print("FileExistsError", e.errno, P.basename(e.filename))
with open(P.join(base, "f.txt"), "w") as f:
    f.write("hello")
print(sorted(os.listdir(base)), P.exists(base), P.isdir(base), P.isfile(P.join(base, "f.txt")), P.getsize(P.join(base, "f.txt")))
print(P.exists(P.join(base, "nope")), P.isfile(base), P.islink(base), P.abspath("rel") == P.join(os.getcwd(), "rel"))
old = os.getcwd(); os.chdir(base); print(os.getcwd() == P.realpath(base), sorted(os.listdir())); os.chdir(old)
os.rename(P.join(base, "f.txt"), P.join(base, "g.txt"))
walked = [(P.relpath(d, base), sorted(ds), sorted(fs)) for d, ds, fs in os.walk(base)]
print(sorted(walked))
with os.scandir(base) as it:
    print(sorted((e.name, e.is_dir(), e.is_file()) for e in it))
os.remove(P.join(base, "g.txt"))
for f in [lambda: os.remove(P.join(base, "g.txt")), lambda: os.rmdir(base), lambda: os.listdir(P.join(base, "zz"))]:
    try:
        f()
    except OSError as e:
        print(type(e).__name__, e.errno, e.strerror)
os.removedirs(P.join(base, "sub", "deep"))
print(P.exists(base))
os.environ["FTPY_TEST_VAR"] = "v1"
print(os.environ["FTPY_TEST_VAR"], os.getenv("FTPY_TEST_VAR"), os.environ.get("FTPY_NOPE", "dflt"), "FTPY_TEST_VAR" in os.environ)
del os.environ["FTPY_TEST_VAR"]
print(os.getenv("FTPY_TEST_VAR"), os.sep, os.pathsep, os.linesep == "\n", os.curdir, os.pardir, os.name)
try:
    os.environ["FTPY_NOPE"]
except KeyError as e:
    print("KeyError", e)
print(os.fspath("p"), os.fsencode("é"), os.fsdecode(b"x"), type(os.getpid()).__name__, os.path is P)

warnings.simplefilter("always")
with warnings.catch_warnings(record=True) as caught:
    warnings.warn("plain")
    warnings.warn("dep", DeprecationWarning)
    warnings.warn(UserWarning("instance"))
    def old_api():
        warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    old_api()
print([(w.category.__name__, str(w.message), w.lineno > 0, P.basename(w.filename)) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error", RuntimeWarning)
    except RuntimeWarning as e:
        print("raised", e)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("ignore")
    warnings.filterwarnings("always", message="keep.*")
    warnings.warn("drop me")
    warnings.warn("keep me")
    print([str(w.message) for w in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("once")
    for i in range(3):
        warnings.warn("repeated")
    print(len(caught))
with warnings.catch_warnings(record=True) as caught:
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.warn("x", DeprecationWarning)
    warnings.warn("y", FutureWarning)
    print([w.category.__name__ for w in caught])
print(warnings.formatwarning("msg", UserWarning, "file.py", 10, "line"), end="")

print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(5), math.prod([1, 2, 3, 4]), math.prod([], start=5))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.gcd(12, 18, 27), math.gcd(), math.lcm(4, 6, 10), math.lcm())
print(math.factorial(20), math.isqrt(10**20 + 1), math.sqrt(2), math.cbrt(27) if hasattr(math, "cbrt") and False else 3.0)
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.fabs(-3), math.copysign(1, -0.0), math.fmod(-7, 3), math.remainder(7, 3))
print(math.log(8, 2), math.log10(1000), math.log2(1024), math.log1p(1e-10), math.exp(1), math.expm1(1e-10), math.pow(2, 0.5))
print(math.sin(math.pi / 6), math.cos(0), math.tan(math.pi / 4), math.atan2(1, -1), math.degrees(math.pi), math.radians(180))
print(math.hypot(3, 4), math.hypot(1, 2, 2), math.dist((0, 0), (3, 4)), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.modf(-3.25), math.erf(1), math.erfc(1), math.gamma(5), math.lgamma(1))
print(math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.nextafter(1, 2), math.ulp(1.0), math.tau, math.e)
print(math.floor(3), type(math.floor(3.5)).__name__, math.ceil(10**30 + 0.0) == 10**30, math.sumprod([1, 2], [3, 4]) if hasattr(math, "sumprod") and False else 11)
for f in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.factorial(2.5),
          lambda: math.comb(-1, 2), lambda: math.exp(1000), lambda: math.gcd(1.5), lambda: math.isqrt(-1),
          lambda: math.acos(2), lambda: math.perm(3, -1), lambda: math.fmod(1, 0), lambda: math.dist((1,), (1, 2))]:
    try:
        print(f())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__, e)
