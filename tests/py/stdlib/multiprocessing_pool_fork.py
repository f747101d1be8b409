# multiprocessing with the fork start method: Pool.map/apply_async/imap,
# Queue and Pipe between processes, a Lock and a Value-free Manager-less run.
import multiprocessing as mp
import os


def square(x):
    return x * x


def pid_parity(_):
    return os.getpid() != PARENT


def producer(q, n):
    for i in range(n):
        q.put(i * 10)
    q.put(None)


def echo(conn):
    while True:
        msg = conn.recv()
        if msg is None:
            break
        conn.send(msg.upper())
    conn.close()


def locked_append(lock, path, tag):
    with lock:
        with open(path, "a") as f:
            f.write(tag + "\n")


if __name__ == "__main__":
    PARENT = os.getpid()
    ctx = mp.get_context("fork")
    with ctx.Pool(2) as pool:
        print(pool.map(square, range(10)))
        print(pool.apply_async(square, (12,)).get(timeout=30))
        print(sorted(pool.imap_unordered(square, range(5))))
        print(all(pool.map(pid_parity, range(4))))
        print(pool.starmap(pow, [(2, 3), (3, 2)]))

    q = ctx.Queue()
    p = ctx.Process(target=producer, args=(q, 5))
    p.start()
    got = []
    while True:
        item = q.get(timeout=30)
        if item is None:
            break
        got.append(item)
    p.join()
    print(got, p.exitcode)

    a, b = ctx.Pipe()
    p = ctx.Process(target=echo, args=(b,))
    p.start()
    for word in ("alpha", "beta"):
        a.send(word)
        print(a.recv())
    a.send(None)
    p.join()
    print("echo exit", p.exitcode)

    import tempfile
    d = tempfile.mkdtemp()
    path = os.path.join(d, "log.txt")
    lock = ctx.Lock()
    ps = [ctx.Process(target=locked_append, args=(lock, path, "p%d" % i)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    with open(path) as f:
        print(sorted(f.read().split()))
    os.unlink(path)
    os.rmdir(d)
