# OrderedDict views and repr read values without calling a subclass's
# __getitem__ (an LRU that moves keys there), and iteration raises
# RuntimeError when the order changes under it, as in CPython.
from collections import OrderedDict

class LRU(OrderedDict):
    def __init__(self, cap):
        super().__init__()
        self.cap = cap
    def __getitem__(self, k):
        v = super().__getitem__(k)
        print("get", k)
        self.move_to_end(k)
        return v
    def __setitem__(self, k, v):
        super().__setitem__(k, v)
        self.move_to_end(k)
        if len(self) > self.cap:
            self.popitem(last=False)

c = LRU(3)
for i in range(6):
    c[i] = i * i
c[4]
print(c)
print(list(c.items()), list(c.values()), list(c.keys()))
print(list(reversed(c.items())), list(reversed(c.values())))
print(dict(c))

def attempt(label, fn):
    o = OrderedDict.fromkeys("abcd")
    seen = []
    try:
        for k in o:
            seen.append(k)
            fn(o, k)
    except RuntimeError as e:
        print(label, seen, "RuntimeError:", e)
    else:
        print(label, seen, "ok")
    print("  ", list(o))

attempt("move", lambda o, k: o.move_to_end(k))
attempt("move-last-noop", lambda o, k: o.move_to_end("d"))
attempt("set-existing", lambda o, k: o.__setitem__(k, 1))
attempt("add", lambda o, k: o.__setitem__("z" + k, 1))
attempt("delete", lambda o, k: o.__delitem__("d") if "d" in o else None)
attempt("pop-last", lambda o, k: o.popitem() if k == "a" else None)
o = OrderedDict.fromkeys("abc")
try:
    for k in reversed(o):
        o.move_to_end(k, last=False)
except RuntimeError as e:
    print("reversed", e)
try:
    for k, v in o.items():
        o["new"] = 1
except RuntimeError as e:
    print("items", e)
