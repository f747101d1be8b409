# with / async with blocks left by return, break, continue and raise, also from
# inside except and finally blocks nested in them; __exit__ sees the right
# exception and can suppress it.
import sys

class CM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self
    def __exit__(self, t, v, tb):
        self.log.append("exit %s %s" % (self.name, t.__name__ if t else None))
        return self.suppress

def with_return(log):
    for i in range(3):
        with CM(log, "a"):
            with CM(log, "b"):
                return i

def with_break_continue(log):
    for i in range(4):
        with CM(log, str(i)):
            if i == 1:
                continue
            if i == 2:
                break
    return i

def with_raise_suppressed(log):
    with CM(log, "s", suppress=True):
        raise ValueError("gone")
    return "after"

def with_in_except(log):
    try:
        raise KeyError("k")
    except KeyError:
        with CM(log, "h"):
            return repr(sys.exception())

def except_in_with(log):
    for i in range(2):
        with CM(log, "w%d" % i):
            try:
                raise OSError(i)
            except OSError:
                if i == 0:
                    continue
                break
    return sys.exception()

def finally_in_with(log):
    with CM(log, "f"):
        try:
            return "from try"
        finally:
            log.append("finally")

def exit_raises(log):
    class Bad(CM):
        def __exit__(self, *a):
            super().__exit__(*a)
            raise RuntimeError("in exit")
    try:
        with Bad(log, "bad"):
            raise ValueError("body")
    except RuntimeError as e:
        return repr(e), repr(e.__context__)

def suppressed_in_loop(log):
    out = []
    for i in range(3):
        with CM(log, "l", suppress=True):
            if i == 1:
                raise ValueError
            out.append(i)
    return out

class ACM:
    def __init__(self, log, name, suppress=False):
        self.log, self.name, self.suppress = log, name, suppress
    async def __aenter__(self):
        self.log.append("aenter " + self.name)
        return self
    async def __aexit__(self, t, v, tb):
        self.log.append("aexit %s %s" % (self.name, t.__name__ if t else None))
        return self.suppress

async def async_flows(log):
    out = []
    for i in range(4):
        async with ACM(log, str(i), suppress=(i == 3)):
            if i == 0:
                continue
            if i == 1:
                try:
                    raise KeyError
                except KeyError:
                    out.append("handled")
            if i == 3:
                raise ValueError("suppressed")
            out.append(i)
    async with ACM(log, "ret"):
        return out

def run(coro):
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value

for fn in [with_return, with_break_continue, with_raise_suppressed, with_in_except, except_in_with,
           finally_in_with, exit_raises, suppressed_in_loop]:
    log = []
    print(fn.__name__, fn(log), log)
log = []
print(run(async_flows(log)), log)
print(sys.exception())
