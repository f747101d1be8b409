# Blocking socket calls detach from the runtime: threads parked in recv()
# and accept() do not stall gc.collect() (a stop-the-world pause) or other
# threads; close() from one thread while another polls the same socket.
import gc
import socket
import threading

pairs = [socket.socketpair() for _ in range(4)]
results = [None] * len(pairs)


def wait_recv(i):
    results[i] = pairs[i][1].recv(100)


threads = [threading.Thread(target=wait_recv, args=(i,)) for i in range(len(pairs))]
for t in threads:
    t.start()

srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
accepted = []
acceptor = threading.Thread(target=lambda: accepted.append(srv.accept()[0].recv(10)))
acceptor.start()

# Everyone above is blocked in the kernel; the world can still stop.
for _ in range(3):
    gc.collect()
print(sum(i * i for i in range(10000)))

for i, (a, b) in enumerate(pairs):
    a.sendall(b'message %d' % i)
for t in threads:
    t.join()
print(results)
c = socket.create_connection(srv.getsockname())
c.sendall(b'accepted')
acceptor.join()
print(accepted)

# One thread polls a socket with a short timeout until it is closed under it.
a, b = socket.socketpair()
b.settimeout(0.01)
outcome = []
started = threading.Event()


def poller():
    started.set()
    while True:
        try:
            b.recv(1)
        except TimeoutError:
            continue
        except OSError as e:
            outcome.append(type(e).__name__)
            return


t = threading.Thread(target=poller)
t.start()
started.wait()
b.close()
t.join()
print(outcome, b.fileno())
for s in [a, c, srv] + [s for p in pairs for s in p]:
    s.close()
