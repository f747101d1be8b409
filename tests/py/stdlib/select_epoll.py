# select.epoll: registration, polling with timeout and maxevents, the error
# messages, close/fromfd/context manager, the constants, a poll() that waits
# while another thread makes the descriptor ready, and selectors' default.
import os
import select
import selectors
import socket
import threading


def show(f):
    try:
        r = f()
        print("ok", r)
    except Exception as ex:
        print(type(ex).__name__, ex, getattr(ex, "errno", ""))


print(type(select.epoll()).__name__, select.epoll.__module__)
for args in [(-2,), (0,), (1,), (-1, 1), (-1, select.EPOLL_CLOEXEC), ("a",)]:
    show(lambda: select.epoll(*args).close())
show(lambda: select.epoll(sizehint=3, flags=0, x=1))
show(lambda: select.epoll(1, 2, 3))

ep = select.epoll()
r, w = os.pipe()
ep.register(r)
ep.register(w, select.EPOLLOUT)
show(lambda: ep.register(r))
show(lambda: ep.register("x"))
show(lambda: ep.register(-1))
show(lambda: ep.register(r + w + 100))
show(lambda: ep.modify(r + w + 100, 1))
show(lambda: ep.unregister(r + w + 100))
name = {r: "r", w: "w"}
print(sorted((name[fd], ev) for fd, ev in ep.poll(0)))
show(lambda: ep.poll(0, 0))
show(lambda: ep.poll(0, -2))
show(lambda: ep.poll("x"))
show(lambda: ep.poll(float("nan")))
show(lambda: ep.poll(1e300))
show(lambda: ep.poll(1, 2, 3))
show(lambda: ep.poll(maxevents=0))
print(ep.poll(0.001, 1) in ([(w, select.EPOLLOUT)],))
ep.unregister(w)
print(ep.poll(0.01), ep.poll(timeout=0), ep.poll(True))
os.write(w, b"x")
print([(name[fd], ev) for fd, ev in ep.poll(-1)], ep.poll(timeout=None, maxevents=1) == [(r, select.EPOLLIN)])
ep.modify(r, select.EPOLLIN | select.EPOLLET)
print(len(ep.poll(0)), len(ep.poll(0)))  # edge-triggered: reported once
os.read(r, 1)

# A mask is taken modulo 2**32, as CPython's "I" format does.
show(lambda: ep.register(w, -1))
show(lambda: ep.register(w, 2**32))
ep.unregister(w)

# A poll() blocked in one thread wakes when another thread writes.
got = []
t = threading.Thread(target=lambda: got.append(ep.poll(5)))
t.start()
os.write(w, b"y")
t.join()
print("thread saw", [(name[fd], ev) for fd, ev in got[0]])
os.read(r, 1)

fd = ep.fileno()
print(isinstance(fd, int), ep.closed)
ep2 = select.epoll.fromfd(os.dup(fd))
print(type(ep2).__name__, ep2.closed)
ep2.close()
ep.close()
ep.close()
print(ep.closed)
for f in [ep.fileno, ep.poll, lambda: ep.register(r), ep.__enter__, lambda: ep.unregister(r), lambda: ep.modify(r, 1)]:
    show(f)
show(lambda: select.epoll.fromfd("x"))
with select.epoll() as q:
    print("in with", q.closed)
print("after with", q.closed)
print(q.__exit__(None, None, None), q.closed)


try:
    class Sub(select.epoll):
        pass
except TypeError as ex:
    print("not a base type:", type(ex).__name__)

print(sorted((n, getattr(select, n)) for n in dir(select) if n.startswith("EPOLL")))
print(sorted(n for n in dir(select.epoll) if not n.startswith("__")))

print(selectors.DefaultSelector.__name__)
a, b = socket.socketpair()
with selectors.DefaultSelector() as sel:
    sel.register(a, selectors.EVENT_READ, "a")
    print(sel.select(0))
    b.send(b"hi")
    print([(k.data, ev) for k, ev in sel.select(1)])
    sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, "a2")
    print(sorted((k.data, ev) for k, ev in sel.select(1)))
    sel.unregister(a)
a.close()
b.close()
os.close(r)
os.close(w)
