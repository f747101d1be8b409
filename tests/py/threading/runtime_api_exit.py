# os.cpu_count, switch interval, sys._is_gil_enabled; the interpreter exits
# only after non-daemon threads end (daemon threads do not hold it up).
import os
import sys
import threading
import time

n = os.cpu_count()
print(isinstance(n, int) and n >= 1)
old = sys.getswitchinterval()
print(type(old).__name__, old > 0)
sys.setswitchinterval(0.001)
print(sys.getswitchinterval())
for bad in [0, -1.0]:
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    sys.setswitchinterval("x")
except TypeError:
    print("TypeError for a str interval")
sys.setswitchinterval(old)
print(sys.getswitchinterval() == old)
if hasattr(sys, "_is_gil_enabled"):
    enabled = sys._is_gil_enabled()
else:
    enabled = True  # CPython before 3.13 always has its GIL
print(type(enabled).__name__)

# time.sleep argument checks.
for bad in [-1, float("nan")]:
    try:
        time.sleep(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError", e)
time.sleep(0)
t0 = time.monotonic()
time.sleep(0.05)
print(time.monotonic() - t0 >= 0.045)

def late_worker():
    time.sleep(0.3)
    print("non-daemon worker finished", flush=True)

def forever():
    while True:
        time.sleep(1)

threading.Thread(target=forever, daemon=True).start()
threading.Thread(target=late_worker).start()
print("main thread done", flush=True)
