# With the GIL on (-X gil=1), a thread blocked in a pipe read or time.sleep
# must not stop the others: blocking calls detach (release the GIL). Run as a
# child that ends itself by SIGALRM (exit code -14) if it deadlocks.
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
child = os.path.join(here, "helpers", "gil_child.py")
out = os.path.join(here, "helpers", "gil_child_%d.out" % os.getpid())
status = os.system("exec '%s' -X gil=1 '%s' >'%s'" % (sys.executable, child, out))
print("exit code", os.waitstatus_to_exitcode(status))
with open(out) as f:
    print(f.read(), end="")
os.remove(out)
