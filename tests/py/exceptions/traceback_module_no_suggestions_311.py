# In 3.11 only the interpreter's own printer (an uncaught exception,
# sys.excepthook, threading's C excepthook) adds "Did you mean"; the
# traceback module (print_exc, format_exc, TracebackException) and so
# logging.exception print the bare message.
import logging
import sys
import threading
import traceback


class Point:
    def __init__(self):
        self.colour = "red"


try:
    Point().color
except AttributeError:
    traceback.print_exc(file=sys.stdout)
    print(traceback.format_exc().splitlines()[-1])
    logging.basicConfig(stream=sys.stdout, format="%(levelname)s %(message)s")
    logging.exception("lookup failed")
try:
    length = 3
    print(lenght)
except NameError as e:
    print(traceback.format_exception_only(e))
    te = traceback.TracebackException.from_exception(e)
    print("".join(te.format_exception_only()), end="")
    sys.excepthook(type(e), e, e.__traceback__)


def worker():
    Point().color


def hooked(args):
    print("hook:", args.exc_type.__name__, args.exc_value)
    traceback.print_exception(args.exc_value, file=sys.stdout, limit=0)


threading.excepthook = hooked
t = threading.Thread(target=worker)
t.start()
t.join()
Point().colr
