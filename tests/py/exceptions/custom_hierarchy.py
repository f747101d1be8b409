class AppError(Exception):
    def __init__(self, msg, code=0):
        super().__init__(msg, code)
        self.msg = msg
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class DBError(AppError): pass
class ConnError(DBError): pass
for exc in (ConnError("down", 503), DBError("bad query"), AppError("generic", 1)):
    try:
        raise exc
    except ConnError as e:
        print("conn:", e, e.args)
    except DBError as e:
        print("db:", e, repr(e))
    except AppError as e:
        print("app:", e)
print(ConnError.__mro__[1:4])
class NoInit(Exception): pass
e = NoInit(1, 2, "three")
print(e.args, str(e), repr(e), str(NoInit()), repr(NoInit("x")), str(NoInit("only")))
class KeyErr(KeyError): pass
print(str(KeyErr("k")), str(KeyError("a", "b")), str(KeyError()))
