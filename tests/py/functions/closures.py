def make_counter(start=0):
    n = start
    def inc(by=1):
        nonlocal n
        n += by
        return n
    def get():
        return n
    return inc, get
inc, get = make_counter(10)
inc(); inc(5)
print(get())
print([c.cell_contents for c in inc.__closure__])
print(inc.__code__.co_freevars, make_counter.__code__.co_cellvars)
def no_closure(): return 1
print(no_closure.__closure__)
fns = []
for i in range(3):
    def f(i=i): return i
    fns.append(f)
print([f() for f in fns])
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
def shared():
    x = []
    def add(v): x.append(v)
    def show(): return list(x)
    return add, show
add, show = shared()
add(1); add(2)
print(show())
def outer():
    v = "first"
    def get(): return v
    v = "second"
    return get
print(outer()())
def cell_empty():
    def inner(): return later
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
    return inner()
print(cell_empty())
