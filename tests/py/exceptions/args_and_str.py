for e in [Exception(), Exception("a"), Exception("a", 2), ValueError(None), OSError(2, "No such file"), KeyError("key"), IndexError(5),
          StopIteration(42), SystemExit(3), UnicodeError("u")]:
    print(type(e).__name__, e.args, repr(str(e)), repr(e))
e = OSError(2, "No such file or directory", "/nope")
print(e.errno, e.strerror, e.filename, str(e), type(e).__name__)
print(type(OSError(2, "x")).__name__, FileNotFoundError.__mro__[1].__name__, IOError is OSError, EnvironmentError is OSError)
e = Exception("x")
e.args = ("changed", 1)
print(e, e.args)
print(StopIteration(1).value, StopIteration().value, SystemExit(5).code, SystemExit().code, KeyboardInterrupt.__base__.__name__)
