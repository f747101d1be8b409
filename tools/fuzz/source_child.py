"""Source fuzzing child: runs inside the interpreter under test and feeds
each mutated program of a batch to compile(), then (when the driver marked
it safe) runs it with exec().

usage: source_child.py BATCH.json LOGFILE [ONLY]

BATCH.json is a list of {"src": text, "bytes": bool, "exec": bool}; a
"bytes" item is compiled from its UTF-8 encoding (the decoding path, coding
cookies, BOMs). Before each step the child writes "COMPILE <i>" or
"EXEC <i>" to LOGFILE unbuffered, so a crash names its program. An
exception that looks internal (SystemError, "internal error") is written as
"SYSERR <i> ...". ONLY is a file of item indices to run (a replay).
"""
import sys
import os
import json
import signal

LOG = os.open(sys.argv[2], os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
with open(sys.argv[1], encoding="utf-8") as f:
    ITEMS = json.load(f)
ONLY = None
if len(sys.argv) > 3:
    with open(sys.argv[3]) as f:
        ONLY = {int(x) for x in f.read().split()}
EXEC_SECONDS = float(os.environ.get("FUZZ_EXEC_SECONDS", "1.0"))


def log(text):
    os.write(LOG, (text.replace("\n", "\\n")[:2000] + "\n").encode("utf-8", "backslashreplace"))


class FuzzTimeout(BaseException):
    pass


def on_alarm(signum, frame):
    raise FuzzTimeout()


signal.signal(signal.SIGALRM, on_alarm)


def suspicious(e):
    if isinstance(e, SystemError):
        return True
    try:
        msg = str(e).lower()
    except BaseException:
        return False
    return "internal error" in msg


def main():
    devnull = open(os.devnull, "w")
    real_stdout = sys.stdout
    for i, item in enumerate(ITEMS):
        if ONLY is not None and i not in ONLY:
            continue
        src = item["src"]
        if item.get("bytes"):
            src = src.encode("utf-8", "surrogatepass")
        log("COMPILE %d" % i)
        try:
            code = compile(src, "<fuzz%d>" % i, "exec")
        except (SyntaxError, ValueError, MemoryError, RecursionError, OverflowError,
                UnicodeError) as e:
            if suspicious(e):
                log("SYSERR %d compile %s: %s" % (i, type(e).__name__, str(e)[:300]))
            continue
        except BaseException as e:
            log("SYSERR %d compile raised %s: %s" % (i, type(e).__name__, str(e)[:300]))
            continue
        if not item.get("exec"):
            continue
        log("EXEC %d" % i)
        sys.stdout = devnull
        try:
            signal.setitimer(signal.ITIMER_REAL, EXEC_SECONDS)
            try:
                exec(code, {"__name__": "__fuzz__", "__file__": "fuzz.py"})
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except FuzzTimeout:
            log("SLOW %d" % i)
        except BaseException as e:
            if suspicious(e):
                log("SYSERR %d exec %s: %s" % (i, type(e).__name__, str(e)[:300]))
        finally:
            sys.stdout = real_stdout
    log("DONE %d" % len(ITEMS))


main()
