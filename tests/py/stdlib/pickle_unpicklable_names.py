# Objects that cannot be pickled or copied name their type as CPython's
# messages do: module-qualified for built-in types that live in a module.
import copy
import io
import pickle
import threading

objs = [threading.Lock(), threading.RLock(), threading.local(), (x for x in ()),
        open(__file__)]
for obj in objs:
    for f in (pickle.dumps, copy.copy, copy.deepcopy):
        try:
            f(obj)
            print(f.__name__, type(obj).__name__, "ok")
        except TypeError as e:
            print(f.__name__, "TypeError:", e)
objs[-1].close()


class Plain:
    pass


class WithLock:
    def __init__(self):
        self.lock = threading.Lock()


print(type(copy.deepcopy(Plain())).__name__)
try:
    copy.deepcopy(WithLock())
except TypeError as e:
    print("TypeError:", e)
