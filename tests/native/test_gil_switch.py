# Importing a module that does not declare free-threading support turns the
# GIL on (once, with a RuntimeWarning) unless PYTHON_GIL=0 / -X gil=0.
# Run by run_native_tests.py under several settings.
import sys
import threading

print('start:', sys._is_gil_enabled())
import ft_demo
print('after ft_demo:', sys._is_gil_enabled())

# Threads keep running Python while the world is stopped to switch.
stop = False
counts = [0] * 3
running = threading.Barrier(4)
def spin(k):
    running.wait()
    while True:
        counts[k] += 1
        if stop:
            break
threads = [threading.Thread(target=spin, args=(k,)) for k in range(3)]
for th in threads:
    th.start()
running.wait()

import gil_demo
print('after gil_demo:', sys._is_gil_enabled(), gil_demo.gil_enabled())
print(gil_demo.square(3), gil_demo.square(1.5))

# Loading it again (a fresh module object) does not warn again.
del sys.modules['gil_demo']
import gil_demo as again
print('reloaded:', again is not gil_demo, sys._is_gil_enabled())

stop = True
for th in threads:
    th.join()
print('threads ran:', all(n > 0 for n in counts))
