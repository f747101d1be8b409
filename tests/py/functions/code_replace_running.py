# Replacing a function's __code__ while a frame of the old code runs: the
# running frame keeps its code alive and finishes with it.
import threading


def victim(n):
    # Replace our own code, then keep running the old one.
    victim.__code__ = (lambda n: "new").__code__
    total = 0
    for i in range(n):
        total += i
    return ("old", total, victim(0))


print(victim(1000))
print(victim(5))


def make_compiled():
    ns = {}
    exec(compile("def f(ev, go):\n    ev.set()\n    go.wait()\n    return sum(range(100))\n", "<f>", "exec"), ns)
    return ns["f"]


# Another thread replaces __code__ (dropping the last reference to the old
# one) while this thread runs the old code.
f = make_compiled()
started = threading.Event()
go = threading.Event()


def replacer():
    started.wait()
    f.__code__ = (lambda ev, go: "replaced").__code__
    go.set()


t = threading.Thread(target=replacer)
t.start()
print(f(started, go))
t.join()
print(f(started, go))


# Many rounds: a running generator of replaced code too.
def gen_src():
    ns = {}
    exec("def g():\n    for i in range(3):\n        yield i\n", ns)
    return ns["g"]


g = gen_src()
it = g()
print(next(it))
g.__code__ = (lambda: iter(())).__code__
del g
print(list(it))
