# Sockets shared between threads: clients echo through one threaded server
# while other threads close sockets that a poller is waiting on with a short
# timeout (the descriptor is an atomic exchanged by close()), and gc.collect
# stops the world while threads are blocked in accept/recv.
import gc
import socket
import threading

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen(64)
addr = srv.getsockname()
N_CLIENTS, ROUNDS = 4, 30


def handle(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)


def acceptor():
    for _ in range(N_CLIENTS):
        conn, _ = srv.accept()
        threading.Thread(target=handle, args=(conn,)).start()


errors = []


def client(i):
    with socket.create_connection(addr) as c:
        for r in range(ROUNDS):
            msg = b'%d:%d;' % (i, r) * 50
            c.sendall(msg)
            got = b''
            while len(got) < len(msg):
                got += c.recv(4096)
            if got != msg:
                errors.append((i, r))


def close_race():
    for _ in range(20):
        a, b = socket.socketpair()
        b.settimeout(0.001)

        def poll():
            while True:
                try:
                    b.recv(1)
                except TimeoutError:
                    continue
                except OSError:
                    return

        t = threading.Thread(target=poll)
        t.start()
        b.close()
        t.join()
        a.close()


threads = [threading.Thread(target=acceptor)]
threads += [threading.Thread(target=client, args=(i,)) for i in range(N_CLIENTS)]
threads += [threading.Thread(target=close_race) for _ in range(2)]
for t in threads:
    t.start()
for _ in range(5):
    gc.collect()
for t in threads:
    t.join()
srv.close()
assert not errors, errors
print("ok")
