# Exceptions escaping a thread are reported and do not disturb other threads.
import _thread

done = []
lock = _thread.allocate_lock()

def bad(i):
    with lock:
        done.append(i)
    raise ValueError("boom")

def exits():
    with lock:
        done.append("exit")
    raise SystemExit

hs = [_thread.start_joinable_thread(lambda i=i: bad(i)) for i in range(5)]
hs.append(_thread.start_joinable_thread(exits))
for h in hs:
    h.join()
assert len(done) == 6, done
print("ok", len(done))
