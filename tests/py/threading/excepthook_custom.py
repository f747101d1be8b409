import threading
caught = []
def hook(args):
    caught.append((args.exc_type.__name__, str(args.exc_value), args.thread.name))
threading.excepthook = hook
def fail(n):
    raise KeyError(n)
ts = [threading.Thread(target=fail, args=(i,), name=f"t{i}") for i in range(3)]
for t in ts: t.start()
for t in ts: t.join()
print(sorted(caught))
threading.excepthook = threading.__excepthook__
