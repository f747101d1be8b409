x = 5
def f():
    print(x)
    x = 6
f()
