# A file object that dies still open warns (ResourceWarning, shown when a
# filter enables it), naming the outermost object of the stack, at the line
# running when it dies; one closed first, or with closefd=False, does not.
import gc
import os
import sys
import warnings

warnings.simplefilter("default")
path = __file__   # read only; its name is the same on every machine


def leak_text():
    f = open(path)
    return f.readline()


print(leak_text().strip())
sys.stderr.flush()

b = open(path, "rb")
del b
sys.stderr.flush()

raw = open(path, "rb", buffering=0)
raw = None
sys.stderr.flush()

closed = open(path)
closed.close()
del closed

fd = os.open(path, os.O_RDONLY)
borrowed = open(fd, closefd=False)
del borrowed
os.close(fd)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    open(path, "rb")
    print(len(caught), caught[0].category.__name__, type(caught[0].source).__name__)
    print(str(caught[0].message).startswith("unclosed file <_io.BufferedReader"))

with warnings.catch_warnings():
    warnings.simplefilter("ignore", ResourceWarning)
    open(path)


class Holder:
    pass


h = Holder()
h.me = h
h.f = open(path, "rb", buffering=0)
del h
gc.collect()
sys.stderr.flush()
print("done")
