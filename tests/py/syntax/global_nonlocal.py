counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def define_global():
    global newname
    newname = "created"
define_global()
print(newname)
def outer():
    x = "outer"
    def inner():
        nonlocal x
        x = "changed"
    inner()
    return x
print(outer())
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def unbound():
    try:
        print(y)
    except UnboundLocalError as e:
        print(type(e).__name__, e)
    y = 1
unbound()
y = 5
def reads_global():
    return y
print(reads_global())
def deep():
    a = 1
    def l1():
        def l2():
            nonlocal a
            a += 10
        l2()
    l1()
    return a
print(deep())
try:
    exec("def bad():\n    nonlocal zz\n")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
