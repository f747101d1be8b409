import threading
t = threading.Thread(target=lambda: None)
t.start(); t.join()
try:
    t.start()
except RuntimeError as e:
    print(type(e).__name__, e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(type(e).__name__, e)
u = threading.Thread(target=lambda: None)
try:
    u.join()
except RuntimeError as e:
    print(type(e).__name__, e)
lock = threading.Lock()
try:
    lock.release()
except RuntimeError as e:
    print(type(e).__name__, e)
t2 = threading.Thread(target=lambda: None)
t2.start()
try:
    t2.daemon = True
except RuntimeError as e:
    print(type(e).__name__, e)
t2.join()
