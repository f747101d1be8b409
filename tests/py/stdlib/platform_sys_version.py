# platform parses sys.version ("VERSION (BUILDNO, BUILDDATE) [COMPILER]");
# its functions must not raise on the interpreter's own version string.
import platform, sys

print(platform.python_implementation() in ("CPython", "PyPy", "IronPython"))
print(platform.python_version() == "%d.%d.%d" % sys.version_info[:3])
print(platform.python_version_tuple() == tuple(str(n) for n in sys.version_info[:3]))
build = platform.python_build()
print(type(build).__name__, len(build), all(isinstance(x, str) for x in build))
print(isinstance(platform.python_compiler(), str), isinstance(platform.platform(), str))
print(platform.system() == "Linux", isinstance(platform.machine(), str), isinstance(platform.uname().release, str))
