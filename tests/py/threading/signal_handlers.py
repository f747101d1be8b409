# The signal module: Python handlers run in the main thread; SIG_IGN/SIG_DFL;
# interrupt_main; misuse errors.
import _thread
import os
import signal
import threading
import time

# Whatever disposition we inherited (a background shell leaves SIGINT
# ignored), start from Python's default handler.
signal.signal(signal.SIGINT, signal.default_int_handler)
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL, signal.SIG_DFL == 0, signal.SIG_IGN == 1)
print(int(signal.SIGINT), int(signal.SIGTERM), signal.SIGINT == 2, repr(signal.SIGINT))
print(signal.Signals(15).name, signal.Handlers.SIG_IGN.name, signal.NSIG > 31)

received = []
def handler(signum, frame):
    received.append((signum, threading.current_thread() is threading.main_thread()))

def wait_for(n):
    deadline = time.monotonic() + 10
    while len(received) < n and time.monotonic() < deadline:
        time.sleep(0.001)

old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
wait_for(1)
print(received)

# Sent from another thread: the handler still runs in the main thread.
t = threading.Thread(target=os.kill, args=(os.getpid(), signal.SIGUSR1))
t.start(); t.join()
wait_for(2)
print(received)

signal.raise_signal(signal.SIGUSR1)
print(len(received))

# interrupt_main: SIGINT raises KeyboardInterrupt in the main thread; another
# handled signal runs its handler.
try:
    _thread.interrupt_main()
    for _ in range(1000000):
        pass
    print("not interrupted")
except KeyboardInterrupt:
    print("KeyboardInterrupt from interrupt_main")
_thread.interrupt_main(signal.SIGUSR1)
wait_for(4)
print(len(received))

# A handler that raises: the exception surfaces in the main thread's code.
def raiser(signum, frame):
    raise RuntimeError("from handler %d" % signum)
signal.signal(signal.SIGUSR2, raiser)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
    time.sleep(5)
    print("not raised")
except RuntimeError as e:
    print("RuntimeError", e)

# SIG_IGN: the signal is dropped. Back to the default int handler after.
print(signal.signal(signal.SIGINT, signal.SIG_IGN) is signal.default_int_handler)
os.kill(os.getpid(), signal.SIGINT)
time.sleep(0.05)
print("ignored SIGINT", signal.getsignal(signal.SIGINT) == signal.SIG_IGN)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    os.kill(os.getpid(), signal.SIGINT)
    time.sleep(5)
except KeyboardInterrupt:
    print("KeyboardInterrupt after restoring")
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("default_int_handler raises KeyboardInterrupt")

# Misuse.
for args in [(signal.NSIG + 1000, handler), (0, handler)]:
    try:
        signal.signal(*args)
    except ValueError as e:
        print("ValueError", e)
try:
    signal.signal(signal.SIGUSR1, 5)
except TypeError as e:
    print("TypeError", e)
try:
    signal.signal(signal.SIGKILL, handler)
except OSError as e:
    print("OSError", e.errno)
errors = []
def from_thread():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as e:
        errors.append(str(e))
t = threading.Thread(target=from_thread)
t.start(); t.join()
print(errors)
print(type(threading.Thread(target=lambda: signal.getsignal(signal.SIGUSR1))).__name__)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
print(signal.getsignal(signal.SIGUSR1) == signal.SIG_DFL)
