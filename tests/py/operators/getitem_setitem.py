class Grid:
    def __init__(self): self.cells = {}
    def __getitem__(self, key):
        print("get", key)
        return self.cells.get(repr(key), ".")
    def __setitem__(self, key, v):
        print("set", key, v)
        self.cells[repr(key)] = v
    def __delitem__(self, key):
        print("del", key)
        del self.cells[repr(key)]
g = Grid()
g[1, 2] = "x"
print(g[1, 2], g[0, 0])
g[1:3] = "slice"
g[::2]
g[1:2, ...]
del g[1, 2]
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError", e)
try:
    five = 5
    five[0]
except TypeError as e:
    print(type(e).__name__, e)
try:
    (1, 2)[0] = 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    del "abc"[0]
except TypeError as e:
    print(type(e).__name__, e)
