# multiprocessing.Process with the fork start method: exit codes, names,
# parent_process, terminate, join with a timeout, results through a pipe.
import multiprocessing as mp
import os
import sys
import time

ctx = mp.get_context("fork")


def square_to_fd(fd, x):
    os.write(fd, str(x * x).encode())
    os.close(fd)


def exits(code):
    sys.exit(code)


def raises():
    raise ValueError("boom")


def who(fd):
    me = mp.current_process()
    parent = mp.parent_process()
    msg = "%s %s %s %s" % (me.name, me.pid == os.getpid(), parent.name, parent.pid == os.getppid())
    os.write(fd, msg.encode())
    os.close(fd)


def sleeper():
    time.sleep(30)


def read_all(fd):
    chunks = []
    while True:
        b = os.read(fd, 4096)
        if not b:
            break
        chunks.append(b)
    os.close(fd)
    return b"".join(chunks).decode()


if __name__ == "__main__":
    r, w = os.pipe()
    p = ctx.Process(target=square_to_fd, args=(w, 12))
    print(p.is_alive(), p.exitcode)
    p.start()
    os.close(w)
    print("result", read_all(r))
    p.join()
    print("exitcode", p.exitcode, p.is_alive(), p.pid != os.getpid())

    for code in (0, 3, None, "a message"):
        q = ctx.Process(target=exits, args=(code,))
        q.start()
        q.join()
        print("sys.exit(%r) ->" % (code,), q.exitcode)

    # The child's traceback goes to stderr; keep it out of this test's output.
    saved = sys.stderr
    sys.stderr = open(os.devnull, "w")
    q = ctx.Process(target=raises)
    q.start()
    q.join()
    sys.stderr = saved
    print("raises ->", q.exitcode)

    r, w = os.pipe()
    q = ctx.Process(target=who, args=(w,), name="worker-7")
    q.start()
    os.close(w)
    print(read_all(r))
    q.join()

    s = ctx.Process(target=sleeper, daemon=True)
    s.start()
    s.join(0.05)
    print("still running", s.is_alive(), s in mp.active_children())
    s.terminate()
    s.join()
    print("terminated", s.exitcode, s.is_alive())

    procs = [ctx.Process(target=exits, args=(i,)) for i in range(4)]
    for q in procs:
        q.start()
    for q in procs:
        q.join()
    print([q.exitcode for q in procs], mp.active_children())
