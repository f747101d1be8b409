class Suppress:
    def __init__(self, *types): self.types = types
    def __enter__(self): return self
    def __exit__(self, et, ev, tb):
        print("exit with", et.__name__ if et else None)
        return et is not None and issubclass(et, self.types)
with Suppress(ValueError):
    raise ValueError("hidden")
print("continued")
try:
    with Suppress(ValueError):
        raise TypeError("visible")
except TypeError as e:
    print("escaped", e)
class Replace:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise RuntimeError("from exit")
try:
    with Replace():
        raise KeyError("orig")
except RuntimeError as e:
    print(e, "context:", repr(e.__context__))
class Tracker:
    def __enter__(self):
        print("enter")
        return "value"
    def __exit__(self, et, ev, tb):
        print("exit", et, ev, tb)
with Tracker() as v:
    print("inside", v)
class BadEnter:
    def __enter__(self): raise OSError("enter failed")
    def __exit__(self, *a): print("never called")
try:
    with BadEnter():
        pass
except OSError as e:
    print(e)
try:
    with 5:
        pass
except TypeError as e:
    print(type(e).__name__)
