import threading
# The default excepthook's output, with the traceback trimmed to this file's
# frames (the threading module's own frames differ between implementations).
def trimmed_hook(args):
    tb = args.exc_traceback
    while tb is not None and tb.tb_frame.f_code.co_filename != __file__:
        tb = tb.tb_next
    exc = args.exc_value.with_traceback(tb)
    threading.__excepthook__(threading.ExceptHookArgs([args.exc_type, exc, tb, args.thread]))
threading.excepthook = trimmed_hook
def helper(n):
    return {"a": 1}[n]
def boom():
    helper("missing")
t = threading.Thread(target=boom, name="worker-1")
t.start()
t.join()
print("main continues, alive:", t.is_alive())
t2 = threading.Thread(target=lambda: 1 / 0, name="worker-2")
t2.start()
t2.join()
print("second thread done")
