# Child of gil_blocking_detach.py, run with -X gil=1: blocking calls must
# release the GIL (detach), or the main thread could never run meanwhile.
import os
import signal
import threading
import time

signal.alarm(20)  # a deadlock ends the process (SIGALRM) instead of hanging

# A thread blocked reading a pipe: the main thread must still get to write.
r, w = os.pipe()
got = []
reader = threading.Thread(target=lambda: got.append(os.read(r, 100)))
reader.start()
time.sleep(0.1)
os.write(w, b"ping")
reader.join()
print("pipe read:", got)

# A thread in time.sleep: the main thread keeps running while it sleeps.
sleeper = threading.Thread(target=time.sleep, args=(1.0,))
sleeper.start()
spins = 0
while sleeper.is_alive():
    spins += 1
print("main ran during sleep:", spins > 0)

# A file read and write in threads, each with its own file.
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gil_child_%d.txt" % os.getpid())
def writer(i):
    with open(path + str(i), "w") as f:
        f.write("line %d\n" % i * 1000)
ws = [threading.Thread(target=writer, args=(i,)) for i in range(4)]
for t in ws: t.start()
for t in ws: t.join()
sizes = []
for i in range(4):
    with open(path + str(i)) as f:
        sizes.append(len(f.read()))
    os.remove(path + str(i))
print("files:", sizes)
