g_value = 1
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
print("g_value" in globals(), globals()["g_value"], globals() is globals())
globals()["created"] = "via globals"
print(created)
def g():
    return "g_value" in globals(), "g_value" in locals()
print(g())
class K:
    x = 1
    names = sorted(k for k in locals() if not k.startswith("__"))
print(K.names)
print(__name__, type(__builtins__).__name__ in ("module", "dict"))
