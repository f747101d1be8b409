# contextvars: get/set/reset, copy_context, Context.run, per-thread contexts.
import contextvars, threading
v = contextvars.ContextVar("v", default=0)
w = contextvars.ContextVar("w")
print(v.get(), v.name)
try: w.get()
except LookupError as e: print("LookupError", e.args[0] is w)
t = v.set(5)
print(v.get(), t.var is v, t.old_value)
ctx = contextvars.copy_context()
def f(x):
    v.set(x); return v.get()
print(ctx.run(f, 9), v.get(), ctx[v], v in ctx, len(ctx))
v.reset(t); print(v.get())
try: v.reset(t)
except RuntimeError as e: print("RuntimeError")
out = []
th = threading.Thread(target=lambda: out.append(v.get())); v.set(3); th.start(); th.join(); print(out)
print(w.get(7), list(contextvars.copy_context().items()) == [(v, 3)])
