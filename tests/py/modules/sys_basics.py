import sys
print(type(sys.argv).__name__, sys.argv[1:], sys.argv[0].endswith("sys_basics.py"))
print(sys.maxsize == 2 ** 63 - 1, type(sys.version_info).__name__ if False else "version_info", sys.version_info >= (3, 11), sys.version_info[0])
print(sys.getrecursionlimit(), isinstance(sys.path, list), sys.byteorder, sys.platform.startswith("linux"))
print(sys.version_info.major, isinstance(sys.version, str), sys.float_info.max, sys.float_info.epsilon, sys.int_info.bits_per_digit > 0)
print(sys.getdefaultencoding(), sys.stdout.encoding.lower().replace("-", ""), sys.flags.optimize)
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
print(hasattr(sys, "exit"), sys.stdin is not None, sys.maxunicode)
