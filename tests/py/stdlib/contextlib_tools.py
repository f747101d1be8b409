import contextlib
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("b") as t:
    print("inside", t)
try:
    with tag("err"):
        raise ValueError("boom")
except ValueError as e:
    print("propagated", e)
with contextlib.suppress(KeyError, IndexError):
    {}["x"]
print("suppressed")
with contextlib.ExitStack() as stack:
    for n in ("one", "two"):
        stack.enter_context(tag(n))
    stack.callback(print, "callback runs first")
    print("body")
@contextlib.contextmanager
def swallow():
    try:
        yield
    except ZeroDivisionError:
        print("swallowed")
with swallow():
    1 / 0
print("after swallow")
with contextlib.nullcontext(5) as v:
    print(v)
import io
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured")
print(repr(buf.getvalue()))
class Closeable:
    def close(self): print("closed")
with contextlib.closing(Closeable()):
    pass
