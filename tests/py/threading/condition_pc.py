import threading
cond = threading.Condition()
items = []
done = False
consumed = []
def producer():
    global done
    for i in range(20):
        with cond:
            items.append(i)
            cond.notify()
    with cond:
        done = True
        cond.notify_all()
def consumer():
    while True:
        with cond:
            while not items and not done:
                cond.wait()
            if items:
                consumed.append(items.pop(0))
            elif done:
                return
cs = [threading.Thread(target=consumer) for _ in range(3)]
for c in cs: c.start()
p = threading.Thread(target=producer); p.start(); p.join()
for c in cs: c.join()
print(sorted(consumed) == list(range(20)), len(consumed))
c2 = threading.Condition()
with c2:
    print(c2.wait(timeout=0.01))
    print(c2.wait_for(lambda: True))
try:
    c2.notify()
except RuntimeError as e:
    print(type(e).__name__, e)
